declare module "@remix-run/node" {
  interface AppLoadContext {
    /** CSP nonce for this response's inline scripts. */
    nonce: string;
    /** The client's address, proxies resolved per TRUST_PROXY. */
    clientIp: string;
  }
}
export {};
