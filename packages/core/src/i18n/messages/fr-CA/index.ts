// The Canadian French catalogue of core; same namespaces and keys as ../en (checked by a test).
import Vocabulary from "./Vocabulary.json";

export default { Vocabulary };
