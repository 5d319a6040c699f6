// The Canadian French catalogue of core; same namespaces and keys as ../en (checked by a test).
import Email from "./Email.json";
import Vocabulary from "./Vocabulary.json";

export default { Email, Vocabulary };
