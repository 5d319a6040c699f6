// The web's Canadian French catalogue; the same namespaces and keys as ../en (checked by a test).
import Api from "./Api.json";
import Auth from "./Auth.json";
import Common from "./Common.json";
import AuthPage from "./AuthPage.json";
import Nav from "./Nav.json";
import Settings from "./Settings.json";
import Companies from "./Companies.json";
import CompanyForm from "./CompanyForm.json";
import CompanyPage from "./CompanyPage.json";
import ChannelLadder from "./ChannelLadder.json";
import Privacy from "./Privacy.json";
import Breaches from "./Breaches.json";
import Insights from "./Insights.json";
import Inbox from "./Inbox.json";
import DevMailbox from "./DevMailbox.json";
import RegionFields from "./RegionFields.json";
import CopyAddress from "./CopyAddress.json";

export default {
  Api,
  Auth,
  Common,
  AuthPage,
  Nav,
  Settings,
  Companies,
  CompanyForm,
  CompanyPage,
  ChannelLadder,
  Privacy,
  Breaches,
  Insights,
  Inbox,
  DevMailbox,
  RegionFields,
  CopyAddress,
};
