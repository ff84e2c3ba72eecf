import { createHash } from "node:crypto";
import { leafHash, MerkleFrontier, merkleRootOfLeafHashes, nodeHash } from "./merkle";

// The published RFC 6962 reference vectors, copied from transparency-dev/merkle (the Go package
// Certificate Transparency's and Trillian's logs use), file testonly/constants.go at commit
// 582a6ad190b6848f1d26f8bf08ddef29955d9db1: LeafInputs(), RootHashes() (by tree size, from the
// empty tree), NodeHashes() level 0 (the leaf hashes) and CompactTrees() (the right edge of
// each tree, largest subtree first: what MerkleFrontier stores). RFC 9162 keeps the hash unchanged.
const LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map((h) => Buffer.from(h, "hex"));
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
/** NodeHashes(): level 0 (the leaf hashes), then each level of complete subtrees above it. */
const NODES = [
  [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
  ],
  [
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
  ],
  [
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
  ],
  ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
];
/** CompactTrees(): [level, index] into NODES for each size. */
const COMPACT: Array<Array<[number, number]>> = [
  [],
  [[0, 0]],
  [[1, 0]],
  [
    [1, 0],
    [0, 2],
  ],
  [[2, 0]],
  [
    [2, 0],
    [0, 4],
  ],
  [
    [2, 0],
    [1, 2],
  ],
  [
    [2, 0],
    [1, 2],
    [0, 6],
  ],
  [[3, 0]],
];

const sha = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();

describe("the RFC 9162 Merkle tree hash", () => {
  it("hashes leaves and nodes with the 0x00 and 0x01 prefixes", () => {
    expect(leafHash(Buffer.from("abc"))).toEqual(sha(Buffer.from([0]), Buffer.from("abc")));
    const [a, b] = [sha(Buffer.from("a")), sha(Buffer.from("b"))];
    expect(nodeHash(a, b)).toEqual(sha(Buffer.from([1]), a, b));
  });

  it("matches the definition written out by hand for 0 to 8 leaves", () => {
    const l = LEAVES.map((x) => leafHash(x));
    const n = nodeHash;
    const byHand = [
      sha(),
      l[0],
      n(l[0], l[1]),
      n(n(l[0], l[1]), l[2]),
      n(n(l[0], l[1]), n(l[2], l[3])),
      n(n(n(l[0], l[1]), n(l[2], l[3])), l[4]),
      n(n(n(l[0], l[1]), n(l[2], l[3])), n(l[4], l[5])),
      n(n(n(l[0], l[1]), n(l[2], l[3])), n(n(l[4], l[5]), l[6])),
      n(n(n(l[0], l[1]), n(l[2], l[3])), n(n(l[4], l[5]), n(l[6], l[7]))),
    ];
    for (let size = 0; size <= 8; size++) {
      expect(merkleRootOfLeafHashes(l.slice(0, size)).toString("hex"), `size ${size}`).toBe(
        byHand[size].toString("hex"),
      );
      const f = new MerkleFrontier();
      for (const leaf of LEAVES.slice(0, size)) f.appendLine(leaf);
      expect(f.root().toString("hex"), `frontier size ${size}`).toBe(byHand[size].toString("hex"));
    }
  });

  it("gives the published leaf hashes and right edges (compact trees) for the published inputs", () => {
    for (const [i, leaf] of LEAVES.entries()) expect(leafHash(leaf).toString("hex")).toBe(NODES[0][i]);
    const f = new MerkleFrontier();
    for (let size = 0; size <= LEAVES.length; size++) {
      const edge = COMPACT[size].map(([level, index]) =>
        Buffer.from(NODES[level][index], "hex").toString("base64"),
      );
      expect(f.toJSON(), `size ${size}`).toEqual(edge);
      if (size < LEAVES.length) f.appendLine(LEAVES[size]);
    }
  });

  it("gives the published roots for the published inputs", () => {
    const f = new MerkleFrontier();
    expect(f.root().toString("hex")).toBe(ROOTS[0]);
    for (const [i, leaf] of LEAVES.entries()) {
      f.appendLine(leaf);
      expect(f.root().toString("hex"), `size ${i + 1}`).toBe(ROOTS[i + 1]);
    }
  });

  it("streams the same root as the recursive definition for every size up to 300, and survives storage", () => {
    const hashes: Buffer[] = [];
    const f = new MerkleFrontier();
    for (let i = 0; i < 300; i++) {
      const line = `line ${i}`;
      hashes.push(leafHash(line));
      const stored = MerkleFrontier.fromJSON(f.size, f.toJSON());
      stored.appendLine(line);
      f.appendLine(line);
      expect(stored.root()).toEqual(merkleRootOfLeafHashes(hashes));
      expect(f.root()).toEqual(stored.root());
    }
    expect(() => MerkleFrontier.fromJSON(3, f.toJSON().slice(0, 1))).toThrow(/does not match/);
  });
});
