import { startLoadingViewerCode } from '$lib/components/tours/viewer-code';
import type { PageLoad } from './$types';

// As the tour page: the viewer needs the framework in the browser.
export const csr = true;

// The viewer's code starts loading with the page rather than once the page has mounted.
export const load: PageLoad = ({ data }) => {
  startLoadingViewerCode();
  return data;
};
