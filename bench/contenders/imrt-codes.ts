/**
 * The codesets of policies/imrt.pol as the other engines' rules spell them:
 * codes with their dot (`C75.1`, as the generated cases write them) and
 * ranges of categories. Rule order is the policy's file order, which decides
 * the rule a decision names.
 */

/** A prefix (`C75.1`) or a range of three-character categories (`["C00", "C14"]`). */
export type CodeEntry = string | readonly [string, string];

/** The covered rules I-XIV of the policy, in file order, each with its codeset. */
export const COVERED: readonly { label: string; codes: readonly CodeEntry[] }[] = [
  { label: "I. Central nervous system tumors", codes: [["C70", "C72"], ["D32", "D33"], ["D42", "D43"], "C75.1", "C75.2", "C75.3", "D35.2", "D35.3", "D35.4", "D44.3", "D44.4", "D44.5", "D49.6"] },
  { label: "II. Head and neck tumors", codes: [["C00", "C14"], ["C30", "C32"], "C73", "C76.0", "D00.0", "D02.0"] },
  { label: "III. Breast tumors", codes: ["C50", "D05"] },
  { label: "IV. Thoracic tumors", codes: [["C33", "C34"], ["C37", "C39"], "C45.0", "C45.2", "D15.0", "D38.4"] },
  { label: "V.a Hepatocellular cancer, bile duct, gallbladder, and cholangiocarcinoma cancers", codes: ["C22.0", "C22.1", ["C23", "C24"]] },
  { label: "V.b Primary cancers of the esophagus and gastroesophageal junction", codes: ["C15", "C16.0"] },
  { label: "V.c Abdominal malignancies (including primary pancreatic, gastric, and adrenal cancers)", codes: [["C16", "C17"], ["C25", "C26"], "C74"] },
  { label: "V.d Primary and secondary liver cancers", codes: ["C22", "C78.7"] },
  { label: "VI. Anal and colorectal cancers", codes: [["C18", "C21"]] },
  { label: "VII.a Retroperitoneal sarcomas", codes: ["C48.0"] },
  { label: "VII.b Desmoid tumors", codes: ["D48.11"] },
  { label: "VII.c Extremity sarcomas", codes: ["C49.1", "C49.2", "C47.1", "C47.2"] },
  { label: "VIII. Cervical cancer", codes: ["C53"] },
  { label: "IX. Vulvar and vaginal cancers", codes: [["C51", "C52"]] },
  { label: "X. Endometrial cancer", codes: ["C54.0", "C54.1", "C54.3", "C54.8", "C54.9"] },
  { label: "XI. Prostate cancer", codes: ["C61"] },
  { label: "XII. Renal cancer", codes: [["C64", "C65"]] },
  { label: "XIII. Bladder cancer", codes: ["C67"] },
  { label: "XIV. Ureteral cancer", codes: ["C66"] },
];

/** Review condition III. */
export const BONE_TUMORS: readonly CodeEntry[] = [["C40", "C41"], "D16", "D48.0"];

/** The policy's `applies to` codes. */
export const APPLIES_TO: readonly string[] = [
  "77014", "77293", "77300", "77301", "77332", "77333", "77334", "77338", "77385", "77386", "77387",
  "G6001", "G6002", "G6015", "G6016", "G6017",
];

/** Every code in any covered rule's codeset. */
export const LISTED_SITES: readonly CodeEntry[] = COVERED.flatMap((r) => r.codes);
