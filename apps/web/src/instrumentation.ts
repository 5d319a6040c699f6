/** Next runs `register` once when a server process starts, before it answers a request. */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's build-time constant, not configuration
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { cheaperAsyncSnapshots } = await import("./server/async-snapshot");
    cheaperAsyncSnapshots();
  }
}
