// PLACEHOLDER, written next.
import { h } from "../dom";
import type { ViewContext } from "../main";
export function renderArticle({ root, rest }: ViewContext): void {
  root.appendChild(h("h1", {}, `Article ${rest}`));
}
