// As the tour page: the viewer needs the framework in the browser.
export const csr = true;
