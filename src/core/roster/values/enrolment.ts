/** Where a pupil studies: 录取地 (a new student's university) and 幼儿园类型. */
import synonyms from "./synonyms.json";
import { labelReader } from "./lookup";

export type Destination = "省内" | "省外";
export type KindergartenType = "公办" | "普惠性民办" | "民办";

/** 录取地: 省内/本省/区内 → 省内; 省外/外省/区外 → 省外. */
export const normalizeDestination = labelReader<Destination>(synonyms.destination);

/** 幼儿园类型: 公办 (公办园); 普惠性民办 (普惠, 普惠园); 民办 (民办园, 非普惠). */
export const normalizeKindergarten = labelReader<KindergartenType>(synonyms.kindergartenType);
