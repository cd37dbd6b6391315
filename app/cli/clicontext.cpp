#include "clicontext.h"

#include <QCommandLineParser>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

CliContext::CliContext(QString dataDir, QString workspaceName, bool json, int workers)
    : m_console(json)
    , m_dataDir(Workspace::resolveDataDir(dataDir))
    , m_workspaceName(std::move(workspaceName))
    , m_workers(workers)
{
}

bool CliContext::openWorkspace()
{
    if (m_catalog)
        return true;
    Result<Workspace> workspace = Workspace::locate(m_dataDir, m_workspaceName);
    if (!workspace) {
        fail(workspace.error(), ExitWorkspace);
        return false;
    }
    auto catalog = Catalog::open(workspace->catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!catalog) {
        fail(catalog.error(), ExitWorkspace);
        return false;
    }
    m_workspace = workspace.value();
    m_catalog = std::move(catalog.value());
    return true;
}

std::optional<ImageRecord> CliContext::image(const QString &reference)
{
    static const QRegularExpression sha256(u"^[0-9a-f]{64}$"_s);
    bool isNumber = false;
    const qint64 id = reference.toLongLong(&isNumber);
    std::optional<ImageRecord> found;
    if (isNumber)
        found = m_catalog->imageById(id);
    else if (sha256.match(reference).hasMatch())
        found = m_catalog->imageBySha256(reference);
    else
        found = m_catalog->imageByUid(reference);
    if (!found)
        fail(u"no image \""_s + reference + u"\" in workspace " + m_workspace->name()
                 + u" (name an image by its number, uid or SHA-256)"_s,
             ExitNotFound);
    return found;
}

std::optional<Entity> CliContext::entity(const QString &reference)
{
    const qsizetype colon = reference.indexOf(u':');
    const auto kind = colon > 0 ? entityKindFromName(QStringView(reference).left(colon)) : std::nullopt;
    if (!kind || colon + 1 >= reference.size()) {
        fail(u"\""_s + reference + u"\" is not an entity: write KIND:KEY, for example product:SKU-1 "
                                     u"(kinds: customer, product, job, category, invoice, company)"_s,
             ExitUsage);
        return std::nullopt;
    }
    auto found = m_catalog->entity(*kind, reference.mid(colon + 1));
    if (!found)
        fail(u"no entity "_s + reference + u" in workspace " + m_workspace->name()
                 + u" (add it with: vitrine-cli entity add " + entityKindName(*kind) + u' ' + reference.mid(colon + 1)
                 + u')',
             ExitNotFound);
    return found;
}

bool CliContext::parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{u"vitrine-cli "_s + command} + arguments)) {
        fail(parser.errorText() + u" (see: vitrine-cli " + command + u" --help)", ExitUsage);
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        m_console.line(parser.helpText().replace(u"Usage: vitrine-cli"_s, u"Usage: vitrine-cli "_s + command));
        exitCode = ExitOk;
        return false;
    }
    return true;
}

int CliContext::fail(const QString &message, int code)
{
    m_console.error(message);
    exitCode = code;
    return code;
}
