const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => entities[c]!);

export function layout(body: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:600;color:#0f766e">Caseward</p>${body}
<p style="color:#64748b;font-size:12px">You get this email because you have a Caseward account.</p></body></html>`;
}
