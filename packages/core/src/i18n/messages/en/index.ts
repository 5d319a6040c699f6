// The English catalogue of core (texts both web and worker show: vocabulary, emails, documents).
// One JSON file per namespace, so work on one part of the product touches one file.
import BreachActions from "./BreachActions.json";
import Clock from "./Clock.json";
import DisclosureAdvice from "./DisclosureAdvice.json";
import Errors from "./Errors.json";
import PrivacyChecklist from "./PrivacyChecklist.json";
import Readiness from "./Readiness.json";
import RedFlags from "./RedFlags.json";
import Validation from "./Validation.json";
import Vocabulary from "./Vocabulary.json";

export default {
  BreachActions,
  Clock,
  DisclosureAdvice,
  Errors,
  PrivacyChecklist,
  Readiness,
  RedFlags,
  Validation,
  Vocabulary,
};
