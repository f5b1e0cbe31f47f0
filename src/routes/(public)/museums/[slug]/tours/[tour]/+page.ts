import { startLoadingViewerCode } from '$lib/components/tours/viewer-code';
import type { PageLoad } from './$types';

// The one visitor page that ships the framework: the panorama viewer, moving between scenes
// without reloading, and saving the tour for offline need it. Without JavaScript the
// server-rendered page still moves through the tour by links.
export const csr = true;

// The viewer's code starts loading with the page rather than once the page has mounted.
export const load: PageLoad = ({ data }) => {
  startLoadingViewerCode();
  return data;
};
