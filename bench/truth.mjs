/**
 * Scores a digest's duplicate groups against the generator's truth.json: every planted pair
 * (file,row)→(file,row) is found when both records sit in the same duplicate group. Groups holding no
 * planted pair indicate false positives (the generator's fresh opinions are all distinct).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scanDigest } from './digest-stream.mjs';

const where = (file, row) => `${basename(file)}\u0000${row}`;

/** Planted duplicates found/missed (exact and near) and groups without any planted pair. */
export async function duplicateQuality(digestPath, truthPath) {
  const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
  const groupAt = new Map();
  const groups = new Map();
  // A group is an opinion and its edited copies: a huge one, or one whose members are far from the
  // canonical record, would "find" planted pairs by swallowing everything.
  let largestGroup = 0;
  let lowestSimilarity = 1;
  await scanDigest(digestPath, {
    onElement: (key, value) => {
      if (key === 'records') groupAt.set(where(value.source.file, value.source.row), value.duplicateGroup);
      else if (key === 'duplicateGroups') {
        groups.set(value.id, { kind: value.kind, size: value.members.length, planted: false });
        largestGroup = Math.max(largestGroup, value.members.length);
        lowestSimilarity = Math.min(lowestSimilarity, value.minSimilarity);
      }
    },
  });
  const score = (pairs) => {
    let found = 0;
    let absent = 0;
    for (const [a, b] of pairs) {
      const ga = groupAt.get(where(a.file, a.row));
      const gb = groupAt.get(where(b.file, b.row));
      if (ga === undefined || gb === undefined) absent += 1;
      if (ga !== undefined && ga !== null && ga === gb) {
        found += 1;
        const group = groups.get(ga);
        if (group !== undefined) group.planted = true;
      }
    }
    return { planted: pairs.length, found, missed: pairs.length - found, absentRecords: absent };
  };
  const exact = score(truth.exact);
  const near = score(truth.near);
  const unplanted = [...groups.values()].filter((group) => !group.planted);
  return {
    records: groupAt.size,
    groups: groups.size,
    largestGroup,
    lowestSimilarity,
    exact,
    near,
    groupsWithoutPlantedPair: unplanted.length,
    membersOfThoseGroups: unplanted.reduce((sum, group) => sum + group.size, 0),
    unplantedByKind: {
      exact: unplanted.filter((group) => group.kind === 'exact').length,
      near: unplanted.filter((group) => group.kind === 'near').length,
    },
  };
}
