#include "metadataengine.h"

#include "imaging/metadataengine_p.h"

using namespace Qt::StringLiterals;
using namespace MetadataEngineDetail;

namespace {

// IPTC IIM fields have byte limits; cut on a character boundary.
std::string iimText(const QString &text, int maxBytes)
{
    QString cut = text;
    QByteArray utf8 = cut.toUtf8();
    while (utf8.size() > maxBytes) {
        cut.chop(1);
        utf8 = cut.toUtf8();
    }
    return utf8.toStdString();
}

void eraseXmp(Exiv2::XmpData &xmp, const char *key)
{
    const auto it = xmp.findKey(Exiv2::XmpKey(key));
    if (it != xmp.end())
        xmp.erase(it);
}

void eraseIptc(Exiv2::IptcData &iptc, const char *key)
{
    const Exiv2::IptcKey wanted(key);
    for (auto it = iptc.begin(); it != iptc.end();) {
        if (it->key() == wanted.key())
            it = iptc.erase(it);
        else
            ++it;
    }
}

void setLangAlt(Exiv2::XmpData &xmp, const char *key, const QString &text)
{
    eraseXmp(xmp, key);
    Exiv2::LangAltValue value;
    value.value_["x-default"] = text.toStdString();
    xmp.add(Exiv2::XmpKey(key), &value);
}

void setIptc(Exiv2::IptcData &iptc, const char *key, const QString &text, int maxBytes)
{
    eraseIptc(iptc, key);
    Exiv2::StringValue value(iimText(text, maxBytes));
    iptc.add(Exiv2::IptcKey(key), &value);
}

void embedTexts(Exiv2::XmpData &xmp, Exiv2::IptcData &iptc, const EmbedRequest &request)
{
    if (!request.caption.isEmpty()) {
        eraseXmp(xmp, "Xmp.photoshop.Headline");
        xmp["Xmp.photoshop.Headline"] = request.caption.toStdString();
        setIptc(iptc, "Iptc.Application2.Headline", request.caption, 256);
    }
    if (!request.description.isEmpty()) {
        setLangAlt(xmp, "Xmp.dc.description", request.description);
        setIptc(iptc, "Iptc.Application2.Caption", request.description, 2000);
    }
    if (!request.altText.isEmpty())
        setLangAlt(xmp, "Xmp.iptc.AltTextAccessibility", request.altText);
    if (!request.imageType.isEmpty()) {
        eraseXmp(xmp, "Xmp.vitrine.imageType");
        xmp["Xmp.vitrine.imageType"] = request.imageType.toStdString();
    }
    if (!request.tags.isEmpty()) {
        eraseXmp(xmp, "Xmp.dc.subject");
        eraseIptc(iptc, "Iptc.Application2.Keywords");
        Exiv2::XmpArrayValue subjects(Exiv2::xmpBag);
        for (const QString &tag : request.tags) {
            subjects.read(tag.toStdString());
            Exiv2::StringValue keyword(iimText(tag, 64));
            iptc.add(Exiv2::IptcKey("Iptc.Application2.Keywords"), &keyword);
        }
        xmp.add(Exiv2::XmpKey("Xmp.dc.subject"), &subjects);
    }
    setIptc(iptc, "Iptc.Envelope.CharacterSet", u"\x1B%G"_s, 32); // UTF-8
}

} // namespace

Result<QByteArray> MetadataEngine::embed(QByteArrayView jpeg, const EmbedRequest &request)
{
    Exiv2Session session;
    try {
        const std::unique_ptr<Exiv2::Image> image =
            openBuffer(jpeg.data(), jpeg.size(), ImageFormat::Jpeg);
        if (!image)
            return Result<QByteArray>::failure(u"not a JPEG exiv2 can write"_s);
        image->readMetadata();
        Exiv2::XmpData xmp = image->xmpData();
        Exiv2::IptcData iptc = image->iptcData();
        embedTexts(xmp, iptc, request);
        image->setXmpData(xmp);
        image->setIptcData(iptc);
        image->writeMetadata();
        QByteArray bytes = imageBytes(*image);
        if (bytes.isEmpty())
            return Result<QByteArray>::failure(u"exiv2 wrote no data"_s);
        return bytes;
    } catch (const std::exception &e) {
        return Result<QByteArray>::failure(
            u"cannot embed metadata: %1"_s.arg(QString::fromUtf8(e.what()).trimmed()));
    }
}
