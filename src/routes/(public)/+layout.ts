// Visitor pages are server-rendered HTML with no framework code in the browser: a museum page
// is a few kilobytes on a weak link. The little interactivity there is (maps, "near me") comes
// from one small script that enhances the HTML (src/lib/client/enhance.js).
export const csr = false;
