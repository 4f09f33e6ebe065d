// Faces come with the rows that show them: the directory, a profile, suggested teachers, the
// signed-in member's session and recognition cards read avatarId in their own statements.
import { describe, expect, it } from "vitest";
import { resolveSession, startAuthSession } from "@/lib/core/auth/auth-sessions";
import { featuredForHome, getRecognition, listWall } from "@/lib/recognition/queries";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { createMemberWithProfile } from "@/test/factories-members";
import { createRecognition, createValue } from "@/test/factories-recognition";
import { findMembers, parseDirectoryParams, toDirectoryQuery } from "./directory";
import { findTeachersFor, getEditableProfile, getMemberProfile } from "./queries";

/** A stored profile photo for the member, as the avatar endpoint leaves it. */
async function givePhoto(memberId: string): Promise<string> {
  const upload = await testDb.upload.create({
    data: {
      ownerId: memberId,
      kind: "AVATAR",
      contentType: "image/webp",
      byteSize: 4_000,
      originalName: "me.jpg",
      storageKey: `avatars/${unique("k")}`,
      width: 256,
      height: 256,
      variants: [256, 96, 48],
    },
  });
  await testDb.user.update({ where: { id: memberId }, data: { avatarId: upload.id } });
  return upload.id;
}

describe("avatarId in the member loaders", () => {
  it("comes with each directory card, a profile and the edit form", async () => {
    const tag = unique("face");
    const withPhoto = await createMemberWithProfile({ name: `${tag} Ada` });
    const without = await createMemberWithProfile({ name: `${tag} Bo` });
    const photo = await givePhoto(withPhoto.id);

    const query = toDirectoryQuery(parseDirectoryParams({ q: tag })!)!;
    const cards = (await findMembers(query)).items;
    expect(cards.map((card) => [card.name, card.avatarId])).toEqual([
      [`${tag} Ada`, photo],
      [`${tag} Bo`, null],
    ]);
    expect(await getMemberProfile(without, withPhoto.id)).toMatchObject({ avatarId: photo });
    expect(await getEditableProfile(withPhoto.id)).toMatchObject({ avatarId: photo });
  });

  it("comes with suggested teachers (their one ranked statement)", async () => {
    const skill = `${unique("sk")} Rust`;
    const learner = await createMemberWithProfile({ wants: [skill] });
    const teacher = await createMemberWithProfile({ offers: [skill] });
    const photo = await givePhoto(teacher.id);
    const [suggested] = await findTeachersFor(learner.id);
    expect(suggested).toMatchObject({ id: teacher.id, avatarId: photo, matching: [skill] });
  });

  it("comes with the signed-in member's session (the header's account menu)", async () => {
    const member = await createMember();
    const photo = await givePhoto(member.id);
    const sessionId = await startAuthSession(testDb, { userId: member.id });
    const state = await resolveSession(testDb, { userId: member.id, sessionId, sessionVersion: 0 });
    expect(state).toMatchObject({ kind: "active", user: { id: member.id, avatarId: photo } });
  });
});

describe("avatarId in the recognition loaders", () => {
  it("comes with the giver and every recipient on the wall, a recognition's page and the home", async () => {
    const [giver, ann, bob] = [await createMember(), await createMember(), await createMember()];
    const [giverPhoto, annPhoto] = [await givePhoto(giver.id), await givePhoto(ann.id)];
    const value = await createValue();
    const made = await createRecognition(giver.id, [ann.id, bob.id], {
      valueId: value.id,
      // Now, not later: other tests feature theirs in the future and expect them first.
      featuredAt: new Date(),
    });
    const faces = {
      giver: { id: giver.id, avatarId: giverPhoto },
      recipients: expect.arrayContaining([
        expect.objectContaining({ id: ann.id, avatarId: annPhoto }),
        expect.objectContaining({ id: bob.id, avatarId: null }),
      ]),
    };

    const [onWall] = (await listWall(bob, { valueSlug: value.slug })).items;
    expect(onWall).toMatchObject({ id: made.id, ...faces });
    expect(await getRecognition(made.id, bob)).toMatchObject(faces);
    const featured = (await featuredForHome(bob, 500)).find((card) => card.id === made.id);
    expect(featured).toMatchObject(faces);
  });
});
