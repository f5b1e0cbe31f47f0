// The one visitor page that ships the framework: the panorama viewer, moving between scenes
// without reloading, and saving the tour for offline need it. Without JavaScript the
// server-rendered page still moves through the tour by links.
export const csr = true;
