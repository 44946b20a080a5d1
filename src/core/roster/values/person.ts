/** A person's 性别 and 证件类型. */
import type { IdDocument } from "../../id/problems";
import synonyms from "./synonyms.json";
import { labelReader } from "./lookup";

export type Gender = "男" | "女";

/** 男 / 女 (also 男性, M, male, and GB/T 2261.1 codes 1 = 男, 2 = 女). */
export const normalizeGender = labelReader<Gender>(synonyms.gender);

/**
 * 证件类型 (身份证件类型): 居民身份证 (身份证, 二代身份证); 港澳台居民居住证; 外国人永久居留身份证
 * (永居证); 外国人永久居留证 (the 15-character one of 2004–2017); 港澳居民来往内地通行证 (回乡证,
 * 港澳通行证); 台湾居民来往大陆通行证 (台胞证); 护照; 其他 (户口簿, 军官证 … : no format to check).
 * A bare 居住证 is null: the mainland 居住证 carries a 居民身份证 number, the 港澳台 one its own.
 */
export const normalizeIdDocument = labelReader<IdDocument>(synonyms.idDocument);
