// The web's English catalogue: one JSON file per namespace (a page or a part of one), so work
// on one part of the product touches one file. Core's namespaces (vocabulary, emails…) are merged
// in by src/i18n/request.ts.
import Api from "./Api.json";
import Auth from "./Auth.json";
import AuthPage from "./AuthPage.json";
import Breaches from "./Breaches.json";
import ChannelLadder from "./ChannelLadder.json";
import Common from "./Common.json";
import Companies from "./Companies.json";
import CompanyForm from "./CompanyForm.json";
import CompanyPage from "./CompanyPage.json";
import CopyAddress from "./CopyAddress.json";
import DevMailbox from "./DevMailbox.json";
import Errors from "./Errors.json";
import Forms from "./Forms.json";
import Inbox from "./Inbox.json";
import Insights from "./Insights.json";
import Nav from "./Nav.json";
import PasswordReset from "./PasswordReset.json";
import Privacy from "./Privacy.json";
import RegionFields from "./RegionFields.json";
import Settings from "./Settings.json";
import SettingsAccount from "./SettingsAccount.json";
import SettingsSecurity from "./SettingsSecurity.json";
import Shell from "./Shell.json";
import TwoFactor from "./TwoFactor.json";

export default {
  Api,
  Auth,
  AuthPage,
  Breaches,
  ChannelLadder,
  Common,
  Companies,
  CompanyForm,
  CompanyPage,
  CopyAddress,
  DevMailbox,
  Errors,
  Forms,
  Inbox,
  Insights,
  Nav,
  PasswordReset,
  Privacy,
  RegionFields,
  Settings,
  SettingsAccount,
  SettingsSecurity,
  Shell,
  TwoFactor,
};
