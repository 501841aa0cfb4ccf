// One mistake a TypeScript user could make; the test expects tsc to reject it.
import type { Filing } from "../../../pkg-templates/index.js";

export const filing: Filing = { entiy: { name: "北京云帆科技有限公司" } };
