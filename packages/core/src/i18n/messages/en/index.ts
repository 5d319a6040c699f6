// The English catalogue of core (texts both web and worker show: vocabulary, emails, documents).
// One JSON file per namespace, so work on one part of the product touches one file.
import Calendar from "./Calendar.json" with { type: "json" };
import Email from "./Email.json" with { type: "json" };
import EmailProblem from "./EmailProblem.json" with { type: "json" };
import Evidence from "./Evidence.json" with { type: "json" };
import Vocabulary from "./Vocabulary.json" with { type: "json" };

export default { Calendar, Email, EmailProblem, Evidence, Vocabulary };
