// Deep zoom needs the framework on this page (OpenSeadragon mounts in the browser); without
// JavaScript the server-rendered page shows the responsive picture and every fact.
export const csr = true;
