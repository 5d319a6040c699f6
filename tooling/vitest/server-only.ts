// Tests import server modules directly; `server-only` guards against client bundles only.
export {};
