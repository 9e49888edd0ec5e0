// Walks the documents subcommittee's story through the client generated from
// openapi/openapi.yaml (openapi-typescript types, openapi-fetch calls), against a running service
// with the demo data: the secretary plans a milestone, a member starts and submits a submission
// for it, the secretary comments, and the progress view shows it. Every call is typed by the
// contract; a status the story does not expect stops it with the problem the service answered.
//
//   PORTAL_URL=http://localhost:8080 node dist/story.js
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import createClient, { type Client } from "openapi-fetch";
import { Webhook } from "standardwebhooks";
import type { components, paths } from "./generated/portal.js";

type Problem = components["schemas"]["Problem"];
type Submission = components["schemas"]["Submission"];
type PortalEvent = components["schemas"]["Event"];

const baseUrl = process.env.PORTAL_URL ?? "http://localhost:8080";
const run = Date.now().toString(36);

// Every list also answers text/csv: a client that reads JSON says so, and its list results are
// typed as the JSON page (its problems as the Problem schema) rather than "page or string".
type Json = "application/json" | "application/problem+json";

function login(username: string, password: string): Client<paths, Json> {
  const basic = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  return createClient<paths, Json>({ baseUrl, headers: { Authorization: `Basic ${basic}` } });
}

/** The body of a call that must have succeeded; otherwise the problem, thrown. */
function ok<T>(what: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    const problem = result.error as Problem | undefined;
    throw new Error(`${what}: ${result.response.status} ${problem?.code ?? ""} ${problem?.detail ?? ""}`.trim());
  }
  console.log(`story: ${what}: ${result.response.status}`);
  return result.data;
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`story: expected ${what}`);
  }
}

// an agency's receiver: keeps each POST's raw body and headers, answers 204
const received: { body: string; headers: IncomingHttpHeaders }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
    res.writeHead(204).end();
  });
});
await new Promise<void>((listening) => receiver.listen(0, "127.0.0.1", listening));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/portal-events`;

const admin = login("admin", "admin-demo-2020");
const hook = ok("register a webhook", await admin.POST("/api/v1/webhooks", {
  body: { url: receiverUrl, eventTypes: ["submission.submitted", "comment.created"], description: "Văn phòng Thành ủy" },
}));
// shown once, here (a replay of this answer by its Idempotency-Key would say null)
const secret = hook.secret;
expect(secret !== null && secret.startsWith("whsec_"), "the secret, shown once");

const secretary = login("secretary", "secretary-demo-2020");
const member = login("member", "member-demo-2020");

const index = ok("the API index", await createClient<paths, Json>({ baseUrl }).GET("/api/v1"));
expect(index.version.length > 0, "the index to name its version");

const me = ok("the member's login", await member.GET("/api/v1/me"));
const membership = me.memberships[0];
expect(membership !== undefined, "the demo member to sit on a subcommittee");
const sid = membership!.subcommitteeId;
const memberId = membership!.memberId;

// the secretary gives the member a task of their own and plans a milestone for it
const task = ok("assign a responsibility", await secretary.POST("/api/v1/subcommittees/{sid}/responsibilities", {
  params: { path: { sid } },
  body: {
    memberId,
    area: "Kinh tế",
    documentSection: `Báo cáo chính trị / Phụ lục ${run}`,
    title: "Bảng số liệu tăng trưởng GRDP",
    role: "LEAD",
    dueOn: "2020-02-22",
  },
}));
const milestone = ok("add a milestone", await secretary.POST("/api/v1/subcommittees/{sid}/milestones", {
  params: { path: { sid } },
  body: {
    title: `Các khối ngành hoàn thành phụ lục số liệu (${run})`,
    dueOn: "2020-02-22",
    responsibilityIds: [task.id],
  },
}));
expect(milestone.status === "PLANNED" && milestone.completedOn === null, "a new milestone to be PLANNED, not completed");
expect(milestone.description === null, "a milestone without a description to say null");
const plan = ok("list the overdue milestones", await secretary.GET("/api/v1/subcommittees/{sid}/milestones", {
  // query parameters are declared as text: the service parses and checks each (a bad one is a 400)
  params: { path: { sid }, query: { overdue: "true", sort: "-dueOn", size: "100" } },
}));
expect(plan.items.some((m) => m.id === milestone.id && m.overdue), "the new milestone among the overdue ones");

// the member starts a submission and submits it
const draft = ok("start a submission", await member.POST("/api/v1/milestones/{mid}/submissions", {
  params: { path: { mid: milestone.id } },
  body: { responsibilityId: task.id, title: "Số liệu tăng trưởng GRDP 2015–2020", content: "GRDP bình quân 7,2%/năm." },
}));
expect(draft.status === "DRAFT" && draft.submittedAt === null, "a new submission to be a DRAFT, never submitted");
const submitted: Submission = ok("submit it", await member.POST("/api/v1/submissions/{id}/submit", {
  params: { path: { id: draft.id } },
}));
expect(submitted.status === "SUBMITTED" && submitted.submittedAt !== null, "the submission to be SUBMITTED");

// the secretary comments on it
const comment = ok("comment on it", await secretary.POST("/api/v1/submissions/{id}/comments", {
  params: { path: { id: submitted.id } },
  body: { body: "Đề nghị bổ sung số liệu năm 2019.", section: "Phụ lục" },
}));
expect(comment.disposition === "PENDING" && comment.rationale === null, "a new comment to be PENDING");

// the member may not return it: the contract's problem comes back typed
const refused = await member.POST("/api/v1/submissions/{id}/return", {
  params: { path: { id: submitted.id } },
  body: { reason: "?" },
});
expect(refused.response.status === 403 && refused.error?.code === "FORBIDDEN", "a member's return to be FORBIDDEN");
console.log(`story: a member's return: ${refused.response.status} ${refused.error?.code}`);

// and the progress view counts it
const progress = ok("read the progress", await secretary.GET("/api/v1/subcommittees/{sid}/progress", {
  params: { path: { sid } },
}));
expect(progress.submissions.submitted >= 1 && progress.comments.pending >= 1, "the progress to count the submission and the comment");
console.log(`story: done: milestone ${milestone.id}, submission ${submitted.id} (${submitted.status}), comment ${comment.id}; ` +
  `progress: ${progress.milestones.total} milestones, ${progress.submissions.submitted} submitted, ` +
  `${progress.comments.pending} comments pending, ${progress.missingTotal} missing`);

// the webhook's deliveries, verified as a receiver does it: the Standard Webhooks library, the raw body, the headers
const deadline = Date.now() + 20_000;
while (received.length < 2 && Date.now() < deadline) {
  await new Promise((wait) => setTimeout(wait, 200));
}
receiver.close();
expect(received.length === 2, `two deliveries, got ${received.length}`);
const verifier = new Webhook(secret!.replace(/^whsec_/, ""));
const headersOf = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([name, value]) => [name, String(value)]));
const events = received.map((delivery) => {
  verifier.verify(delivery.body, headersOf(delivery.headers));
  let tampered = false;
  try {
    verifier.verify(delivery.body.replace("}", " }"), headersOf(delivery.headers));
  } catch {
    tampered = true;
  }
  expect(tampered, "a changed body to fail verification");
  return JSON.parse(delivery.body) as PortalEvent;
});
expect(events[0]!.type === "submission.submitted" && events[0]!.entityId === submitted.id, "the submit first");
expect(events[1]!.type === "comment.created" && events[1]!.entityId === comment.id, "then the comment");
expect(received.every((d) => d.headers["x-portal-event"] !== undefined), "X-Portal-Event on each");
console.log(`story: webhook ${hook.id}: ${events.map((e) => e.type).join(", ")} delivered in order, each verified ` +
  `by the standardwebhooks library (a changed body refused)`);
const deleted = await admin.DELETE("/api/v1/webhooks/{id}", { params: { path: { id: hook.id } } });
expect(deleted.response.status === 204, "the webhook deleted");
