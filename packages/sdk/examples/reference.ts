// Every code example of the public reference page (API Reference › Contacts), verbatim, one exported
// function per section. They run against any server: set PRISTINESEND_API_KEY and, for a local one,
// PRISTINESEND_BASE_URL. The code keeps the page's own style (double quotes, no semicolons, the
// `process.env.PRISTINESEND_API_KEY!` assertion); the biome.json beside this file formats and lints it so.
import { PristineSend } from "pristinesend"

/** List contacts. */
export async function listContacts() {
  const ps = new PristineSend(process.env.PRISTINESEND_API_KEY!)

  // The returned page auto-paginates — iterate across every page transparently.
  for await (const contact of await ps.contacts.list({ limit: 100, status: "subscribed" })) {
    console.log(contact.email)
  }
}

/** Create a contact. */
export async function createContact() {
  const ps = new PristineSend(process.env.PRISTINESEND_API_KEY!)

  const contact = await ps.contacts.create({
    email: "jane@example.com",
    first_name: "Jane",
    last_name: "Doe",
    properties: { city: "Seattle" },
  })
  console.log("Created:", contact.id)
}

/** Get a contact. */
export async function getContact() {
  const ps = new PristineSend(process.env.PRISTINESEND_API_KEY!)

  const contact = await ps.contacts.get("8e4f2b1c-1a2b-4c3d-9e8f-0a1b2c3d4e5f")
  console.log(contact.email, contact.status)
}

/** Update a contact. */
export async function updateContact() {
  const ps = new PristineSend(process.env.PRISTINESEND_API_KEY!)

  // properties is merged, not replaced; only include what changes.
  const contact = await ps.contacts.update("8e4f2b1c-1a2b-4c3d-9e8f-0a1b2c3d4e5f", {
    status: "unsubscribed",
    properties: { tier: "pro" },
  })
  console.log(contact.status, contact.properties)
}

/** Delete a contact. */
export async function deleteContact() {
  const ps = new PristineSend(process.env.PRISTINESEND_API_KEY!)

  await ps.contacts.delete("8e4f2b1c-1a2b-4c3d-9e8f-0a1b2c3d4e5f")
  // Resolves on 204 No Content; throws NotFoundError if the contact is gone.
}
