/** What `<picture>` needs to show an image at any width, with its placeholder while it loads. */
export interface ResponsiveImage {
  width: number;
  height: number;
  /** AVIF and WebP, best first; browsers take the first type they know. */
  sources: { type: string; srcset: string }[];
  /** JPEG, for browsers that know neither. */
  src: string;
  srcset: string;
  /** A tiny PNG (data URL) drawn from the ThumbHash, shown until the image arrives. */
  placeholder: string | null;
  /** CSS object-position from the focal point, so cropping keeps the subject. */
  position: string | null;
}
