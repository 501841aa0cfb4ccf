// Bundlers: the generated bundler build plus the attachment helpers.
import * as glue from "./bundler/icp_validate.js";
import { attachmentHelpers } from "./attachment-file.js";

export * from "./bundler/icp_validate.js";
export const { validateAttachment, validateAttachmentFile } = attachmentHelpers(glue);
