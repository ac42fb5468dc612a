// AssistMessage: the expert session's messages inside the sealed channel (issue 7). Each is one
// session frame of type kFrame whose body is a compact JSON object with "t" naming the message;
// the catalogue, direction and fields are in docs/decisions/assist-session.md ("Messages").
// decode() is strict: a body that is not a JSON object, has no known "t", is bigger than
// kMaxBytes or lacks a required field is an InvalidInput error, and the session that gets one
// ends (fail closed, like the channel below). Pure: any thread.
#pragma once

#include "AssistSecureSession.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace TiDesk::AssistMessage {

inline constexpr quint8 kFrame = AssistSecureSession::kFirstSessionFrame; // 0x11
// A message's JSON must fit a frame with room for the cipher's overhead.
inline constexpr qint64 kMaxBytes = 960 * 1024;

// Host -> expert
inline constexpr char kWelcome[] = "welcome"; // accepted: host, environments, limits
inline constexpr char kView[] = "view"; // a shared view's snapshot
inline constexpr char kStatus[] = "status"; // a proposal's state changed (pending ... done)
inline constexpr char kResult[] = "result"; // one part of a proposal's result
// Expert -> host
inline constexpr char kPropose[] = "propose";
inline constexpr char kSubscribe[] = "subscribe"; // which view (and environment) to stream
// Both ways
inline constexpr char kChat[] = "chat";
inline constexpr char kEnd[] = "end"; // the sender ends the session (reason)

// The types each side may receive.
[[nodiscard]] const QStringList &typesForExpert();
[[nodiscard]] const QStringList &typesForHost();

[[nodiscard]] QByteArray encode(const QJsonObject &message);
// forHost: the receiving side (the host accepts expert messages only and vice versa).
[[nodiscard]] Result<QJsonObject> decode(const QByteArray &body, bool forHost);

// The longest chat line and the longest proposed statement a session carries.
inline constexpr int kMaxChatChars = 4000;
inline constexpr int kMaxStatementChars = 256 * 1024;

} // namespace TiDesk::AssistMessage
