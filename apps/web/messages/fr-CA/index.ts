// The web's Canadian French catalogue; the same namespaces and keys as ../en (checked by a test).
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
