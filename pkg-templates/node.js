// Node (import): the CommonJS build with both catalogs loaded, plus the attachment helpers.
import api from "./nodejs/icp_validate.js";
import { attachmentHelpers } from "./attachment-file.js";

export const { ready, loadStatus, loadLocale, validateField, isValid, listFields, validateFiling, validateFilingSync, loadFiling, loadIdn, attachmentHeaderLength, version, dataSources } = api;
export const { validateAttachment, validateAttachmentFile } = attachmentHelpers(api);
