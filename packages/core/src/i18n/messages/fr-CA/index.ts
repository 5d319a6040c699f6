// The Canadian French catalogue of core; same namespaces and keys as ../en (checked by a test).
import Calendar from "./Calendar.json";
import Email from "./Email.json";
import EmailProblem from "./EmailProblem.json";
import Evidence from "./Evidence.json";
import Vocabulary from "./Vocabulary.json";

export default { Calendar, Email, EmailProblem, Evidence, Vocabulary };
