// The web's English catalogue: one JSON file per namespace (a page or a part of one), so work
// on one part of the product touches one file. Core's namespaces (vocabulary, emails…) are merged
// in by src/i18n/request.ts.
import Auth from "./Auth.json";
import Common from "./Common.json";
import AuthPage from "./AuthPage.json";
import Nav from "./Nav.json";
import Settings from "./Settings.json";
import ContactSession from "./ContactSession.json";
import ContactForm from "./ContactForm.json";
import Questions from "./Questions.json";
import Disclosures from "./Disclosures.json";
import CaseDialogs from "./CaseDialogs.json";
import ComplaintBody from "./ComplaintBody.json";
import Attachments from "./Attachments.json";
import EvidencePage from "./EvidencePage.json";

export default {
  Auth,
  Common,
  AuthPage,
  Nav,
  Settings,
  ContactSession,
  ContactForm,
  Questions,
  Disclosures,
  CaseDialogs,
  ComplaintBody,
  Attachments,
  EvidencePage,
};
