#include "VaultFileStore.h"

#include "common/Crypto.h"
#include "common/Logging.h"
#include "secrets/VaultFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutexLocker>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr int kLockTimeoutMs = 10'000;

Error emptyPassphrase()
{
    return Error::make(ErrorKind::InvalidInput,
                       QCoreApplication::translate("TiDesk::VaultFileStore",
                                                   "the vault passphrase must not be empty"));
}

Error lockedError()
{
    return Error::make(ErrorKind::Auth,
                       QCoreApplication::translate("TiDesk::VaultFileStore",
                                                   "the secrets vault is locked; unlock it first"));
}

Error wrongPassphrase(const Error &cause)
{
    return Error::make(ErrorKind::Crypto,
                       QCoreApplication::translate("TiDesk::VaultFileStore",
                                                   "wrong passphrase or the vault was modified"),
                       cause.detail);
}

void wipeSecrets(QMap<QString, QString> &secrets)
{
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        Crypto::secureWipe(it.value());
    secrets.clear();
}

QByteArray serialize(const QMap<QString, QString> &secrets)
{
    QJsonObject object;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<QMap<QString, QString>> deserialize(const QByteArray &plaintext)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(plaintext, &parseError);
    // Authenticated but malformed content can only come from a bug, never from an attacker.
    const Error bad
        = Error::make(ErrorKind::InvalidInput,
                      QCoreApplication::translate("TiDesk::VaultFileStore",
                                                  "the vault content is not a secret map"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return bad;
    QMap<QString, QString> secrets;
    const QJsonObject object = doc.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString())
            return bad;
        secrets.insert(it.key(), it.value().toString());
    }
    return secrets;
}

} // namespace

struct VaultFileStore::Private
{
    VaultKdfParams newKdf; // for create() and changePassphrase()
    mutable QMutex mutex;
    bool unlocked = false;
    QByteArray key; // derived AES-256 key, only while unlocked
    VaultKdfParams fileKdf; // KDF + salt the key was derived with
    QByteArray salt;
    QMap<QString, QString> secrets; // decrypted, only while unlocked
    QByteArray fileHash; // SHA-256 of the bytes last read or written

    void forget()
    {
        unlocked = false;
        Crypto::secureWipe(key);
        wipeSecrets(secrets);
        salt.clear();
        fileHash.clear();
    }
};

namespace {

Result<QByteArray> readFileBytes(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error::make(
            ErrorKind::NotFound,
            QCoreApplication::translate("TiDesk::VaultFileStore", "no vault file at %1")
                .arg(QDir::toNativeSeparators(path)));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(
            ErrorKind::Io,
            QCoreApplication::translate("TiDesk::VaultFileStore", "cannot read the vault file %1")
                .arg(QDir::toNativeSeparators(path)),
            file.errorString());
    return file.readAll();
}

struct Decrypted
{
    QMap<QString, QString> secrets;
    VaultKdfParams kdf;
    QByteArray salt;
};

// Parses and decrypts file bytes with a passphrase (key == null) or a known key.
Result<Decrypted> decrypt(const QByteArray &bytes, const QString *passphrase, QByteArray *key)
{
    Result<VaultFormat::Parsed> parsed = VaultFormat::parse(bytes);
    if (!parsed)
        return parsed.error();
    if (passphrase) {
        Result<QByteArray> derived
            = VaultFormat::deriveKey(*passphrase, parsed->header.kdf, parsed->header.salt);
        if (!derived)
            return derived.error();
        *key = std::move(derived).value();
    }
    Result<QByteArray> plain = Crypto::aes256GcmOpen(*key, parsed->header.nonce, parsed->ciphertext,
                                                     parsed->tag, parsed->aad);
    if (!plain)
        return wrongPassphrase(plain.error());
    Result<QMap<QString, QString>> secrets = deserialize(plain.value());
    Crypto::secureWipe(plain.value());
    if (!secrets)
        return secrets.error();
    return Decrypted { std::move(secrets).value(), parsed->header.kdf, parsed->header.salt };
}

// A folder TiDesk creates for a vault is private to the user (0700).
VoidResult ensureParentDir(const QString &path)
{
    const QFileInfo info(path);
    if (info.absoluteDir().exists())
        return {};
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(ErrorKind::Io,
                           QCoreApplication::translate("TiDesk::VaultFileStore",
                                                       "cannot create the folder for the vault %1")
                               .arg(QDir::toNativeSeparators(path)));
    QFile::setPermissions(info.absolutePath(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

// Encrypts the map under key/salt with a fresh nonce and atomically replaces the file (0600).
// Returns the SHA-256 of the written bytes.
Result<QByteArray> writeVault(const QString &path, const QMap<QString, QString> &secrets,
                              const QByteArray &key, const VaultKdfParams &kdf,
                              const QByteArray &salt)
{
    Result<QByteArray> nonce = Crypto::randomBytes(Crypto::kGcmNonceBytes);
    if (!nonce)
        return nonce.error();
    QByteArray plaintext = serialize(secrets);
    VaultFormat::Header header;
    header.kdf = kdf;
    header.salt = salt;
    header.nonce = nonce.value();
    header.ciphertextBytes = quint32(plaintext.size());
    const QByteArray aad = VaultFormat::encodeHeader(header);
    Result<Crypto::GcmSealed> sealed = Crypto::aes256GcmSeal(key, header.nonce, plaintext, aad);
    Crypto::secureWipe(plaintext);
    if (!sealed)
        return sealed.error();
    const QByteArray bytes = aad + sealed->ciphertext + sealed->tag;

    const QString native = QDir::toNativeSeparators(path);
    if (const VoidResult dir = ensureParentDir(path); !dir)
        return dir.error();
    QSaveFile file(path);
    const auto ioError = [&](const QString &detail) {
        return Error::make(
            ErrorKind::Io,
            QCoreApplication::translate("TiDesk::VaultFileStore", "cannot write the vault file %1")
                .arg(native),
            detail);
    };
    if (!file.open(QIODevice::WriteOnly))
        return ioError(file.errorString());
    // Set on the temporary file before any byte is written, so no reader ever sees wider modes.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return ioError(u"cannot restrict the permissions to 0600"_s);
    }
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return ioError(file.errorString());
    }
    if (!file.commit())
        return ioError(file.errorString());
    return Crypto::sha256(bytes);
}

} // namespace

VaultFileStore::VaultFileStore(QString path, VaultKdfParams kdf)
    : d(std::make_unique<Private>())
    , m_path(std::move(path))
{
    d->newKdf = kdf;
}

VaultFileStore::~VaultFileStore()
{
    lock();
}

bool VaultFileStore::exists() const
{
    return QFileInfo::exists(m_path);
}

bool VaultFileStore::isUnlocked() const
{
    QMutexLocker locker(&d->mutex);
    return d->unlocked;
}

VoidResult VaultFileStore::create(const QString &passphrase)
{
    if (passphrase.isEmpty())
        return emptyPassphrase();
    if (const VoidResult valid = VaultFormat::validateKdf(d->newKdf); !valid)
        return valid.error();
    QMutexLocker locker(&d->mutex);
    if (const VoidResult dir = ensureParentDir(m_path); !dir)
        return dir.error();
    QLockFile fileLock(m_path + u".lock"_s);
    if (!fileLock.tryLock(kLockTimeoutMs))
        return Error::make(
            ErrorKind::Io,
            QCoreApplication::translate("TiDesk::VaultFileStore",
                                        "the vault file is busy (locked by another process)"),
            m_path + u".lock"_s);
    if (exists())
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::VaultFileStore", "a vault already exists at %1")
                .arg(QDir::toNativeSeparators(m_path)));
    Result<QByteArray> salt = Crypto::randomBytes(VaultFormat::kSaltBytes);
    if (!salt)
        return salt.error();
    Result<QByteArray> key = VaultFormat::deriveKey(passphrase, d->newKdf, salt.value());
    if (!key)
        return key.error();
    const QMap<QString, QString> empty;
    Result<QByteArray> hash = writeVault(m_path, empty, key.value(), d->newKdf, salt.value());
    if (!hash) {
        Crypto::secureWipe(key.value());
        return hash.error();
    }
    d->forget();
    d->key = std::move(key).value();
    d->fileKdf = d->newKdf;
    d->salt = salt.value();
    d->fileHash = hash.value();
    d->unlocked = true;
    qCInfo(lcSecrets) << "created vault" << m_path;
    return {};
}

VoidResult VaultFileStore::unlock(const QString &passphrase)
{
    if (passphrase.isEmpty())
        return emptyPassphrase();
    QMutexLocker locker(&d->mutex);
    Result<QByteArray> bytes = readFileBytes(m_path);
    if (!bytes)
        return bytes.error();
    QByteArray key;
    Result<Decrypted> decrypted = decrypt(bytes.value(), &passphrase, &key);
    if (!decrypted) {
        Crypto::secureWipe(key);
        qCDebug(lcSecrets) << "vault unlock failed:" << Error::kindName(decrypted.error().kind);
        return decrypted.error();
    }
    d->forget();
    d->key = std::move(key);
    d->fileKdf = decrypted->kdf;
    d->salt = decrypted->salt;
    d->secrets = std::move(decrypted->secrets);
    d->fileHash = Crypto::sha256(bytes.value());
    d->unlocked = true;
    return {};
}

VoidResult VaultFileStore::unlockOrCreate(const QString &passphrase)
{
    return exists() ? unlock(passphrase) : create(passphrase);
}

void VaultFileStore::lock()
{
    QMutexLocker locker(&d->mutex);
    d->forget();
}

VoidResult VaultFileStore::changePassphrase(const QString &oldPassphrase,
                                            const QString &newPassphrase)
{
    if (oldPassphrase.isEmpty() || newPassphrase.isEmpty())
        return emptyPassphrase();
    if (const VoidResult valid = VaultFormat::validateKdf(d->newKdf); !valid)
        return valid.error();
    QMutexLocker locker(&d->mutex);
    QLockFile fileLock(m_path + u".lock"_s);
    if (!fileLock.tryLock(kLockTimeoutMs))
        return Error::make(
            ErrorKind::Io,
            QCoreApplication::translate("TiDesk::VaultFileStore",
                                        "the vault file is busy (locked by another process)"),
            m_path + u".lock"_s);
    // The file, not the memory, is the truth: verify the old passphrase against it.
    Result<QByteArray> bytes = readFileBytes(m_path);
    if (!bytes)
        return bytes.error();
    QByteArray oldKey;
    Result<Decrypted> decrypted = decrypt(bytes.value(), &oldPassphrase, &oldKey);
    Crypto::secureWipe(oldKey);
    if (!decrypted)
        return decrypted.error();
    Result<QByteArray> salt = Crypto::randomBytes(VaultFormat::kSaltBytes);
    if (!salt)
        return salt.error();
    Result<QByteArray> newKey = VaultFormat::deriveKey(newPassphrase, d->newKdf, salt.value());
    if (!newKey) {
        wipeSecrets(decrypted->secrets);
        return newKey.error();
    }
    Result<QByteArray> hash
        = writeVault(m_path, decrypted->secrets, newKey.value(), d->newKdf, salt.value());
    if (!hash) {
        wipeSecrets(decrypted->secrets);
        Crypto::secureWipe(newKey.value());
        return hash.error();
    }
    d->forget();
    d->key = std::move(newKey).value();
    d->fileKdf = d->newKdf;
    d->salt = salt.value();
    d->secrets = std::move(decrypted->secrets);
    d->fileHash = hash.value();
    d->unlocked = true;
    qCInfo(lcSecrets) << "vault passphrase changed" << m_path;
    return {};
}

QStringList VaultFileStore::keys() const
{
    QMutexLocker locker(&d->mutex);
    return d->secrets.keys();
}

QString VaultFileStore::backendName() const
{
    return u"vault"_s;
}

bool VaultFileStore::isAvailable() const
{
    return isUnlocked();
}

// Caller holds d->mutex. Picks up what another instance or process wrote since we last looked.
VoidResult VaultFileStore::reloadIfChanged()
{
    Result<QByteArray> bytes = readFileBytes(m_path);
    if (!bytes)
        return bytes.error();
    const QByteArray hash = Crypto::sha256(bytes.value());
    if (Crypto::constantTimeEquals(hash, d->fileHash))
        return {};
    Result<Decrypted> decrypted = decrypt(bytes.value(), nullptr, &d->key);
    if (!decrypted) {
        if (decrypted.error().kind == ErrorKind::Crypto)
            return Error::make(
                ErrorKind::Crypto,
                QCoreApplication::translate("TiDesk::VaultFileStore",
                                            "the vault file was changed elsewhere (new "
                                            "passphrase?); lock and unlock it again"),
                decrypted.error().detail);
        return decrypted.error();
    }
    wipeSecrets(d->secrets);
    d->secrets = std::move(decrypted->secrets);
    d->fileHash = hash;
    return {};
}

Result<QString> VaultFileStore::read(const QString &key)
{
    QMutexLocker locker(&d->mutex);
    if (!d->unlocked)
        return lockedError();
    if (const VoidResult reloaded = reloadIfChanged(); !reloaded)
        return reloaded.error();
    const auto it = d->secrets.constFind(key);
    if (it == d->secrets.constEnd())
        return Error::make(
            ErrorKind::NotFound,
            QCoreApplication::translate("TiDesk::VaultFileStore", "no secret stored for %1")
                .arg(key));
    return it.value();
}

VoidResult VaultFileStore::modify(const QString &key, const QString *secret)
{
    QMutexLocker locker(&d->mutex);
    if (!d->unlocked)
        return lockedError();
    QLockFile fileLock(m_path + u".lock"_s);
    if (!fileLock.tryLock(kLockTimeoutMs))
        return Error::make(
            ErrorKind::Io,
            QCoreApplication::translate("TiDesk::VaultFileStore",
                                        "the vault file is busy (locked by another process)"),
            m_path + u".lock"_s);
    if (const VoidResult reloaded = reloadIfChanged(); !reloaded)
        return reloaded.error();
    QMap<QString, QString> next = d->secrets;
    if (secret) {
        next.insert(key, *secret);
    } else if (next.remove(key) == 0) {
        return {}; // removing a missing key is not an error, and needs no rewrite
    }
    Result<QByteArray> hash = writeVault(m_path, next, d->key, d->fileKdf, d->salt);
    if (!hash)
        return hash.error(); // memory still matches the untouched file
    d->secrets.swap(next);
    wipeSecrets(next);
    d->fileHash = hash.value();
    return {};
}

VoidResult VaultFileStore::write(const QString &key, const QString &secret)
{
    if (key.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate("TiDesk::VaultFileStore",
                                                       "a secret needs a non-empty key"));
    return modify(key, &secret);
}

VoidResult VaultFileStore::remove(const QString &key)
{
    return modify(key, nullptr);
}

} // namespace TiDesk
