import type { App as KraevedApp } from '$lib/server/app';
import type { ReadingSettings } from '$lib/shared/reading';
import type { Locale } from '$lib/shared/museum';

declare global {
  namespace App {
    interface Locals {
      app: KraevedApp;
      locale: Locale;
      reading: ReadingSettings;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
