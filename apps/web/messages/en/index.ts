// The web's English catalogue: one JSON file per namespace (a page or a part of one), so work
// on one part of the product touches one file. Core's namespaces (vocabulary, emails…) are merged
// in by src/i18n/request.ts.
import Api from "./Api.json";
import Auth from "./Auth.json";
import Common from "./Common.json";
import AuthPage from "./AuthPage.json";
import Nav from "./Nav.json";
import Settings from "./Settings.json";

export default { Api, Auth, Common, AuthPage, Nav, Settings };
