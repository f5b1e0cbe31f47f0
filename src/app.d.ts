import type { App as KraevedApp } from '$lib/server/app';
import type { ReadingSettings } from '$lib/shared/reading';
import type { Locale } from '$lib/shared/museum';
import type { StaffSession } from '$lib/server/auth/accounts';

declare global {
  namespace App {
    interface Locals {
      app: KraevedApp;
      locale: Locale;
      reading: ReadingSettings;
      /** Who is signed in, on staff pages; null elsewhere and for visitors. */
      staff: StaffSession | null;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
