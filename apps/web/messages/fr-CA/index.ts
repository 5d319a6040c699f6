// The web's Canadian French catalogue; the same namespaces and keys as ../en (checked by a test).
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
