// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  plainTextSelectors,
  Preview,
  Text,
} from "@react-email/components";
import { compile } from "html-to-text";
import type { CSSProperties, ReactElement, ReactNode } from "react";
import type * as ReactDomServer from "react-dom/server";

import { languageOf } from "../../i18n/locale";
import type { OutgoingEmail } from "../mailer";
import { emailWords } from "./format";

/** What every email about one case knows about its reader and the case. */
export interface CaseEmailInput {
  to: string;
  userName: string;
  caseTitle: string;
  companyName: string;
  caseUrl: string;
  settingsUrl: string;
  /** The user's IANA zone: every date in the email is read on their clock. */
  timeZone: string;
  /**
   * The style of those dates ("en-CA", "fr-CA"), from the user's country and language
   * (`localeOfCountry`); the email is written in that language.
   */
  locale: string;
}

const teal = "#0f766e";
const ink = "#0f172a";
const muted = "#475569";

// Clients that honour prefers-color-scheme (Apple Mail, Outlook.com) switch to these colours;
// the others (Gmail) invert the light ones, which stays readable because every text sets its
// colour on a background that is set too.
const darkMode = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .cw-page { background-color: #020617 !important; }
  .cw-card { background-color: #0f172a !important; border-color: #334155 !important; }
  .cw-card h1, .cw-card h2, .cw-card p, .cw-card li { color: #e2e8f0 !important; }
  .cw-card a, .cw-card .cw-brand { color: #5eead4 !important; }
  .cw-card .cw-button { background-color: ${teal} !important; color: #ffffff !important; }
  .cw-card .cw-muted { color: #94a3b8 !important; }
  .cw-card .cw-box { background-color: #1e293b !important; border-color: #5eead4 !important; }
}`;

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const styles = {
  page: { backgroundColor: "#f1f5f9", margin: 0, padding: "24px 12px", fontFamily },
  card: {
    maxWidth: "560px",
    backgroundColor: "#ffffff",
    border: "1px solid #e2e8f0",
    borderRadius: "8px",
    padding: "24px",
  },
  brand: { color: teal, fontSize: "16px", fontWeight: 700, margin: "0 0 16px" },
  heading: {
    color: ink,
    fontSize: "20px",
    lineHeight: "28px",
    fontWeight: 700,
    margin: "0 0 12px",
  },
  subheading: {
    color: ink,
    fontSize: "16px",
    lineHeight: "24px",
    fontWeight: 700,
    margin: "24px 0 8px",
  },
  text: { color: ink, fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" },
  list: {
    color: ink,
    fontSize: "15px",
    lineHeight: "24px",
    margin: "0 0 12px",
    paddingLeft: "24px",
  },
  item: { color: ink, margin: "0 0 4px" },
  box: {
    backgroundColor: "#f0fdfa",
    borderLeft: `4px solid ${teal}`,
    padding: "12px 16px",
    margin: "0 0 12px",
  },
  link: { color: teal, textDecoration: "underline" },
  button: {
    backgroundColor: teal,
    color: "#ffffff",
    borderRadius: "6px",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  rule: { borderColor: "#e2e8f0", margin: "24px 0 16px" },
  footer: { color: muted, fontSize: "13px", lineHeight: "20px", margin: 0 },
} satisfies Record<string, CSSProperties>;

/** The frame every Caseward email shares: brand, body, and a footer with the settings link. */
export function EmailLayout(props: {
  preview: string;
  settingsUrl: string;
  /** The reader's date style; the frame speaks its language. */
  locale: string;
  children: ReactNode;
}) {
  const t = emailWords(props.locale);
  return (
    <Html lang={languageOf(props.locale)} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkMode}</style>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body className="cw-page" style={styles.page}>
        <Container className="cw-card" style={styles.card}>
          <Text className="cw-brand" style={styles.brand}>
            Caseward
          </Text>
          {props.children}
          <Hr style={styles.rule} />
          <Text className="cw-muted" style={styles.footer}>
            {t("layout.footer")}
          </Text>
          <Text className="cw-muted" style={styles.footer}>
            <Link href={props.settingsUrl} style={styles.link}>
              {t("layout.settingsLink")}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailHeading(props: { children: ReactNode }) {
  return (
    <Heading as="h1" style={styles.heading}>
      {props.children}
    </Heading>
  );
}

export function EmailSubheading(props: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.subheading}>
      {props.children}
    </Heading>
  );
}

export function EmailText(props: { children: ReactNode; muted?: boolean }) {
  return (
    <Text
      className={props.muted ? "cw-muted" : undefined}
      style={props.muted ? { ...styles.text, color: muted } : styles.text}
    >
      {props.children}
    </Text>
  );
}

/** A highlighted block for the one thing the reader should act on. */
export function EmailBox(props: { children: ReactNode }) {
  return (
    <div className="cw-box" style={styles.box}>
      {props.children}
    </div>
  );
}

export function EmailLink(props: { href: string; children: ReactNode }) {
  return (
    <Link href={props.href} style={styles.link}>
      {props.children}
    </Link>
  );
}

export function EmailButton(props: { href: string; children: ReactNode }) {
  return (
    <Text style={{ ...styles.text, margin: "20px 0" }}>
      <Button className="cw-button" href={props.href} style={styles.button}>
        {props.children}
      </Button>
    </Text>
  );
}

/** A list: numbered when the order is a priority, bulleted otherwise. */
export function EmailList(props: { items: readonly ReactNode[]; numbered?: boolean }) {
  const List = props.numbered ? "ol" : "ul";
  return (
    <List style={styles.list}>
      {props.items.map((item, i) => (
        <li key={i} style={styles.item}>
          {item}
        </li>
      ))}
    </List>
  );
}

// react-email's `render` imports react-dom/server on every call (a trip through the module
// loader each time under tsx) and streams through a Suspense boundary; `toPlainText` compiles
// html-to-text's selectors on every call. Both cost more per email than the rest of a send:
// the module is imported once, the converter compiled once, and the markup rendered in one go
// (the templates never suspend), with react-email's doctype in front as `render` puts it.
const doctype =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
// A dynamic import, as react-email does: the web app's server bundle must not import it statically.
let reactDomServer: Promise<typeof ReactDomServer> | undefined;

// html-to-text shouts headings in capitals by default; an email reads better as written.
const toPlainText = compile({
  wordwrap: false,
  selectors: [
    ...plainTextSelectors,
    ...["h1", "h2"].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/**
 * One email element → the HTML part and a readable plain-text part with links written out.
 * React renders once; the text is made from that HTML.
 */
export async function renderEmail(
  to: string,
  subject: string,
  email: ReactElement,
): Promise<OutgoingEmail> {
  return { to, subject, ...(await renderParts(email)) };
}

/** The HTML and plain-text parts of one email element (`renderEmail` without the envelope). */
export async function renderParts(email: ReactElement): Promise<{ text: string; html: string }> {
  const server = await (reactDomServer ??= import("react-dom/server"));
  const html = `${doctype}${server.renderToStaticMarkup(email)}`;
  return { text: toPlainText(html), html };
}
