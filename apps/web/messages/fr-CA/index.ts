// The web's Canadian French catalogue; the same namespaces and keys as ../en (checked by a test).
import Api from "./Api.json";
import Attachments from "./Attachments.json";
import Auth from "./Auth.json";
import AuthPage from "./AuthPage.json";
import AuthRefusals from "./AuthRefusals.json";
import Badges from "./Badges.json";
import Breaches from "./Breaches.json";
import CaseActions from "./CaseActions.json";
import CaseDeadlines from "./CaseDeadlines.json";
import CaseDialogs from "./CaseDialogs.json";
import CaseEmails from "./CaseEmails.json";
import CaseInboundAddress from "./CaseInboundAddress.json";
import CasePage from "./CasePage.json";
import CaseStatusLine from "./CaseStatusLine.json";
import CaseTimeline from "./CaseTimeline.json";
import ChannelLadder from "./ChannelLadder.json";
import ChannelValue from "./ChannelValue.json";
import Common from "./Common.json";
import Companies from "./Companies.json";
import CompanyForm from "./CompanyForm.json";
import CompanyPage from "./CompanyPage.json";
import ComplaintBody from "./ComplaintBody.json";
import ContactActions from "./ContactActions.json";
import ContactForm from "./ContactForm.json";
import ContactSession from "./ContactSession.json";
import CopyAddress from "./CopyAddress.json";
import Dashboard from "./Dashboard.json";
import DashboardFilters from "./DashboardFilters.json";
import DevMailbox from "./DevMailbox.json";
import Disclosures from "./Disclosures.json";
import ErrorPages from "./ErrorPages.json";
import EvidencePage from "./EvidencePage.json";
import Forms from "./Forms.json";
import Inbox from "./Inbox.json";
import Insights from "./Insights.json";
import Nav from "./Nav.json";
import PasswordReset from "./PasswordReset.json";
import Privacy from "./Privacy.json";
import Questions from "./Questions.json";
import RecordingRule from "./RecordingRule.json";
import RegionFields from "./RegionFields.json";
import ResponseWindow from "./ResponseWindow.json";
import Settings from "./Settings.json";
import SettingsAccount from "./SettingsAccount.json";
import SettingsSecurity from "./SettingsSecurity.json";
import Shell from "./Shell.json";
import TwoFactor from "./TwoFactor.json";

export default {
  Api,
  Attachments,
  Auth,
  AuthPage,
  AuthRefusals,
  Badges,
  Breaches,
  CaseActions,
  CaseDeadlines,
  CaseDialogs,
  CaseEmails,
  CaseInboundAddress,
  CasePage,
  CaseStatusLine,
  CaseTimeline,
  ChannelLadder,
  ChannelValue,
  Common,
  Companies,
  CompanyForm,
  CompanyPage,
  ComplaintBody,
  ContactActions,
  ContactForm,
  ContactSession,
  CopyAddress,
  Dashboard,
  DashboardFilters,
  DevMailbox,
  Disclosures,
  ErrorPages,
  EvidencePage,
  Forms,
  Inbox,
  Insights,
  Nav,
  PasswordReset,
  Privacy,
  Questions,
  RecordingRule,
  RegionFields,
  ResponseWindow,
  Settings,
  SettingsAccount,
  SettingsSecurity,
  Shell,
  TwoFactor,
};
