// The web's English catalogue: one JSON file per namespace (a page or a part of one), so work
// on one part of the product touches one file. Core's namespaces (vocabulary, emails…) are merged
// in by src/i18n/request.ts.
import Auth from "./Auth.json";
import Common from "./Common.json";
import AuthPage from "./AuthPage.json";
import Nav from "./Nav.json";
import Settings from "./Settings.json";
import SettingsAccount from "./SettingsAccount.json";
import SettingsSecurity from "./SettingsSecurity.json";
import Shell from "./Shell.json";
import Errors from "./Errors.json";
import PasswordReset from "./PasswordReset.json";
import TwoFactor from "./TwoFactor.json";
import Forms from "./Forms.json";

export default {
  Auth,
  Common,
  AuthPage,
  Nav,
  Settings,
  SettingsAccount,
  SettingsSecurity,
  Shell,
  Errors,
  PasswordReset,
  TwoFactor,
  Forms,
};
