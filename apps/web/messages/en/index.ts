// The web's English catalogue: one JSON file per namespace (a page or a part of one), so work
// on one part of the product touches one file. Core's namespaces (vocabulary, emails…) are merged
// in by src/i18n/request.ts.
import Auth from "./Auth.json";
import Common from "./Common.json";
import AuthPage from "./AuthPage.json";
import Nav from "./Nav.json";
import Settings from "./Settings.json";
import Dashboard from "./Dashboard.json";
import DashboardFilters from "./DashboardFilters.json";
import Badges from "./Badges.json";
import CasePage from "./CasePage.json";
import CaseActions from "./CaseActions.json";
import CaseStatusLine from "./CaseStatusLine.json";
import CaseDeadlines from "./CaseDeadlines.json";
import ResponseWindow from "./ResponseWindow.json";
import CaseEmails from "./CaseEmails.json";
import CaseInboundAddress from "./CaseInboundAddress.json";
import CaseTimeline from "./CaseTimeline.json";
import ContactActions from "./ContactActions.json";
import ChannelValue from "./ChannelValue.json";

export default {
  Auth,
  Common,
  AuthPage,
  Nav,
  Settings,
  Dashboard,
  DashboardFilters,
  Badges,
  CasePage,
  CaseActions,
  CaseStatusLine,
  CaseDeadlines,
  ResponseWindow,
  CaseEmails,
  CaseInboundAddress,
  CaseTimeline,
  ContactActions,
  ChannelValue,
};
