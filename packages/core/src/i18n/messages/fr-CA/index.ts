// The Canadian French catalogue of core; same namespaces and keys as ../en (checked by a test).
import Calendar from "./Calendar.json" with { type: "json" };
import Email from "./Email.json" with { type: "json" };
import EmailProblem from "./EmailProblem.json" with { type: "json" };
import Evidence from "./Evidence.json" with { type: "json" };
import Vocabulary from "./Vocabulary.json" with { type: "json" };

export default { Calendar, Email, EmailProblem, Evidence, Vocabulary };
