// The Canadian French catalogue of core; same namespaces and keys as ../en (checked by a test).
import BreachActions from "./BreachActions.json" with { type: "json" };
import Calendar from "./Calendar.json" with { type: "json" };
import Clock from "./Clock.json" with { type: "json" };
import DisclosureAdvice from "./DisclosureAdvice.json" with { type: "json" };
import Email from "./Email.json" with { type: "json" };
import EmailProblem from "./EmailProblem.json" with { type: "json" };
import Errors from "./Errors.json" with { type: "json" };
import Evidence from "./Evidence.json" with { type: "json" };
import FileSize from "./FileSize.json" with { type: "json" };
import PrivacyChecklist from "./PrivacyChecklist.json" with { type: "json" };
import Readiness from "./Readiness.json" with { type: "json" };
import RedFlags from "./RedFlags.json" with { type: "json" };
import Validation from "./Validation.json" with { type: "json" };
import Vocabulary from "./Vocabulary.json" with { type: "json" };

export default {
  BreachActions,
  Calendar,
  Clock,
  DisclosureAdvice,
  Email,
  EmailProblem,
  Errors,
  Evidence,
  FileSize,
  PrivacyChecklist,
  Readiness,
  RedFlags,
  Validation,
  Vocabulary,
};
