// The web's Canadian French catalogue; the same namespaces and keys as ../en (checked by a test).
import Api from "./Api.json";
import Auth from "./Auth.json";
import Common from "./Common.json";
import AuthPage from "./AuthPage.json";
import Nav from "./Nav.json";
import Settings from "./Settings.json";

export default { Api, Auth, Common, AuthPage, Nav, Settings };
