/*
 * The copy buttons' script, built into /copy-link.js (ADR 021): the page is complete without
 * it, each link shown as text to select.
 */
import { offerCopyButtons } from './copy-buttons.ts';

offerCopyButtons(document);
