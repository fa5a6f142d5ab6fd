// Wall display (阵地展示屏) tokens and data, and the clean-governance screensaver slides (廉政屏保).
import { Type, type Static, type TSchema } from 'typebox';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Version = Type.Integer({ minimum: 0, description: 'optimistic lock: the version read' });

/** How often the wall display asks for fresh data (it keeps the last good data when this fails). */
export const DISPLAY_REFRESH_SECONDS = 180;
export const DISPLAY_TOKENS_PER_ORG_MAX = 20;
export const SLIDE_LINES_MAX = 8;
export const SLIDES_MAX = 40;

export const DisplayToken = Obj({
  id: Id, name: Type.String(), createdBy: Nullable(Type.String()), createdAt: Type.String(),
  lastSeenAt: Nullable(Type.String()), revokedAt: Nullable(Type.String()),
});
export type DisplayToken = Static<typeof DisplayToken>;
export const DisplayTokenList = Obj({ items: Type.Array(DisplayToken) });
export const DisplayTokenCreateBody = Obj({ name: Type.String({ minLength: 1, maxLength: 50 }) });
export const DisplayTokenCreated = Obj({
  ...DisplayToken.properties,
  token: Type.String({ description: 'shown once: only its hash is stored' }),
  url: Type.String({ description: 'path of the display page: /display/<token>' }),
});
export type DisplayTokenCreated = Static<typeof DisplayTokenCreated>;

export const Slide = Obj({
  id: Id, title: Type.String(), lines: Type.Array(Type.String()), sortOrder: Type.Integer(), enabled: Type.Boolean(), version: Type.Integer(),
});
export type Slide = Static<typeof Slide>;
export const SlideList = Obj({
  root: Obj({ id: Id, name: Type.String() }),
  editable: Type.Boolean({ description: 'the reader is an admin of the work committee keeping the slides' }),
  items: Type.Array(Slide),
});
export type SlideList = Static<typeof SlideList>;
export const SlideQuery = Obj({ orgId: Id });
const SlideFields = {
  title: Type.String({ minLength: 1, maxLength: 40 }),
  lines: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: SLIDE_LINES_MAX }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 9999 }),
  enabled: Type.Boolean(),
};
export const SlideCreateBody = Obj({ rootId: Id, ...SlideFields });
export type SlideCreateBody = Static<typeof SlideCreateBody>;
export const SlideUpdateBody = Obj({ ...SlideFields, version: Version });
export type SlideUpdateBody = Static<typeof SlideUpdateBody>;

// ---- what the wall display page reads (GET /display/<token>/data.json) ----
export interface DisplayPanel {
  kind: 'flag' | 'oath' | 'purpose' | 'rights' | 'duties' | 'meetings' | 'disclosure' | 'committee' | 'articles' | 'notices' | 'study';
  title: string;
  /** Short lines in reading order; long texts are split by the page into screens. */
  lines: string[];
  source?: string;
}
export interface DisplayData {
  org: { id: number; name: string };
  generatedAt: string;
  refreshSeconds: number;
  panels: DisplayPanel[];
}
