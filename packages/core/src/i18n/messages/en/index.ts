// The English catalogue of core (texts both web and worker show: vocabulary, emails, documents).
// One JSON file per namespace, so work on one part of the product touches one file.
import Calendar from "./Calendar.json";
import Email from "./Email.json";
import EmailProblem from "./EmailProblem.json";
import Evidence from "./Evidence.json";
import Vocabulary from "./Vocabulary.json";

export default { Calendar, Email, EmailProblem, Evidence, Vocabulary };
