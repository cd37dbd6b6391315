<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppSettings</name>
    <message>
        <location filename="../ui/settings/appsettings.cpp" line="71"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>CommandFeedback</name>
    <message>
        <location filename="../ui/commands/commandfeedback.cpp" line="8"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="61"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="70"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="86"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="88"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="94"/>
        <source>Unpin the primary image</source>
        <translation>Festlegung des Hauptbilds aufheben</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="122"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="132"/>
        <source>Saved when you leave the field or press Ctrl+Enter</source>
        <translation>Wird gespeichert, wenn Sie das Feld verlassen oder Strg+Eingabetaste drücken</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="139"/>
        <source>&amp;Front view</source>
        <translation>&amp;Frontansicht</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="141"/>
        <source>&amp;Caption</source>
        <translation>&amp;Bildunterschrift</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="141"/>
        <source>&amp;Alt text</source>
        <translation>&amp;Alternativtext</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="142"/>
        <source>D&amp;escription</source>
        <translation>Besch&amp;reibung</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="142"/>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="143"/>
        <source>T&amp;ype</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="149"/>
        <source>Front view</source>
        <translation>Frontansicht</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="155"/>
        <location filename="../ui/details/detailspanel.cpp" line="158"/>
        <source>Linked entities</source>
        <translation>Verknüpfte Einträge</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="160"/>
        <source>&amp;Link…</source>
        <translation>&amp;Verknüpfen…</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="161"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="162"/>
        <source>Set as &amp;primary</source>
        <translation>Als &amp;Hauptbild festlegen</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="163"/>
        <source>&amp;Unpin</source>
        <translation>Fest&amp;legung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="164"/>
        <source>Link this image to a customer, product or job</source>
        <translation>Dieses Bild mit einem Kunden, Produkt oder Auftrag verknüpfen</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="173"/>
        <source>Why primary</source>
        <translation>Warum Hauptbild</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="200"/>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/details/detailspanel.cpp" line="207"/>
        <source>%n image(s) selected</source>
        <translation>
            <numerusform>%n Bild ausgewählt</numerusform>
            <numerusform>%n Bilder ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="324"/>
        <source>Not linked to any entity.</source>
        <translation>Mit keinem Eintrag verknüpft.</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="332"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="333"/>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="340"/>
        <source>Position</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="340"/>
        <source>Open in maps</source>
        <translation>In Karten öffnen</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="344"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="345"/>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="345"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="346"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="346"/>
        <source>Original name</source>
        <translation>Ursprünglicher Name</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="347"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="348"/>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="348"/>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="363"/>
        <source>Key</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="363"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="364"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="369"/>
        <source>Primary image</source>
        <translation>Hauptbild</translation>
    </message>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="370"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>EditImageCommand</name>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="27"/>
        <source>Edit caption</source>
        <translation>Bildunterschrift bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="29"/>
        <source>Edit alt text</source>
        <translation>Alternativtext bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="31"/>
        <source>Edit description</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="33"/>
        <source>Change image type</source>
        <translation>Bildtyp ändern</translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="34"/>
        <source>Change front flag</source>
        <translation>Frontansicht-Markierung ändern</translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="51"/>
        <source>image %1 no longer exists</source>
        <translation>Bild %1 existiert nicht mehr</translation>
    </message>
</context>
<context>
    <name>EntityChooser</name>
    <message>
        <location filename="../ui/details/entitychooser.cpp" line="26"/>
        <source>Link to an Entity</source>
        <translation>Mit einem Eintrag verknüpfen</translation>
    </message>
    <message>
        <location filename="../ui/details/entitychooser.cpp" line="27"/>
        <source>Key or name</source>
        <translation>Kennung oder Name</translation>
    </message>
    <message>
        <location filename="../ui/details/entitychooser.cpp" line="28"/>
        <source>Find entity</source>
        <translation>Eintrag suchen</translation>
    </message>
    <message>
        <location filename="../ui/details/entitychooser.cpp" line="29"/>
        <source>Entities found</source>
        <translation>Gefundene Einträge</translation>
    </message>
    <message>
        <location filename="../ui/details/entitychooser.cpp" line="31"/>
        <source>&amp;Link</source>
        <translation>&amp;Verknüpfen</translation>
    </message>
</context>
<context>
    <name>EntityListModel</name>
    <message>
        <location filename="../ui/sidebar/entitylistmodel.cpp" line="97"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/entitylistmodel.cpp" line="98"/>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sidebar/entitylistmodel.cpp" line="100"/>
        <source>%1 %2: %n image(s)</source>
        <translation>
            <numerusform>%1 %2: %n Bild</numerusform>
            <numerusform>%1 %2: %n Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="23"/>
        <source>&amp;Import a folder now, with its subfolders</source>
        <translation>Jetzt einen Ordner &amp;importieren, mit Unterordnern</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="25"/>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="28"/>
        <source>Welcome to Vitrine</source>
        <translation>Willkommen bei Vitrine</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="30"/>
        <source>&lt;h2&gt;Welcome to Vitrine&lt;/h2&gt;&lt;p&gt;Vitrine keeps your images in workspaces, each with its own customers, products and jobs. Create your first workspace, or look around in a demo workspace filled with sample products first.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Vitrine&lt;/h2&gt;&lt;p&gt;Vitrine verwaltet Ihre Bilder in Arbeitsbereichen, jeder mit eigenen Kunden, Produkten und Aufträgen. Erstellen Sie Ihren ersten Arbeitsbereich, oder sehen Sie sich zuerst in einem Demo-Arbeitsbereich mit Beispielprodukten um.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="45"/>
        <source>Workspace name</source>
        <translation>Name des Arbeitsbereichs</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="47"/>
        <source>Workspace &amp;name:</source>
        <translation>&amp;Name des Arbeitsbereichs:</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="53"/>
        <source>Folder to import</source>
        <translation>Zu importierender Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="54"/>
        <source>Folder with images</source>
        <translation>Ordner mit Bildern</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="56"/>
        <source>Choose the folder to import</source>
        <translation>Zu importierenden Ordner auswählen</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="70"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="77"/>
        <source>&amp;Create Workspace</source>
        <translation>Arbeitsbereich &amp;erstellen</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="80"/>
        <source>Create a &amp;Demo Workspace Instead</source>
        <translation>Stattdessen einen &amp;Demo-Arbeitsbereich erstellen</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="82"/>
        <source>A workspace with sample products, customers and a job, to try Vitrine out.</source>
        <translation>Ein Arbeitsbereich mit Beispielprodukten, Kunden und einem Auftrag zum Ausprobieren von Vitrine.</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="93"/>
        <source>Workspaces are kept in %1.</source>
        <translation>Arbeitsbereiche werden in %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="124"/>
        <source>“%1” cannot be a workspace name: use up to 64 letters, digits, dots, hyphens and underscores, starting with a letter or digit.</source>
        <translation>„%1“ ist als Name eines Arbeitsbereichs nicht zulässig: Verwenden Sie bis zu 64 Buchstaben, Ziffern, Punkte, Bindestriche und Unterstriche, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="131"/>
        <source>Choose the folder to import, or untick “Import a folder now”.</source>
        <translation>Wählen Sie den zu importierenden Ordner aus, oder deaktivieren Sie „Jetzt einen Ordner importieren“.</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="133"/>
        <source>The folder “%1” does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/settings/firstrundialog.cpp" line="149"/>
        <source>Choose a Folder to Import</source>
        <translation>Ordner zum Importieren auswählen</translation>
    </message>
</context>
<context>
    <name>GalleryDelegate</name>
    <message>
        <location filename="../ui/gallery/gallerydelegate.cpp" line="150"/>
        <source>Front</source>
        <translation>Front</translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <location filename="../ui/gallery/gallerymodel.cpp" line="289"/>
        <source>%1 (primary image)</source>
        <translation>%1 (Hauptbild)</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../ui/gallery/galleryview.cpp" line="43"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../ui/viewer/imageviewer.cpp" line="31"/>
        <location filename="../ui/viewer/imageviewer.cpp" line="32"/>
        <location filename="../ui/viewer/imageviewer.cpp" line="175"/>
        <source>Image viewer</source>
        <translation>Bildbetrachter</translation>
    </message>
    <message>
        <location filename="../ui/viewer/imageviewer.cpp" line="94"/>
        <source>This image is no longer in the catalog.</source>
        <translation>Dieses Bild ist nicht mehr im Katalog.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/imageviewer.cpp" line="175"/>
        <source>%1 – Image viewer</source>
        <translation>%1 – Bildbetrachter</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="19"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="21"/>
        <source>Already in the catalog</source>
        <translation>Bereits im Katalog</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="23"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="25"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="35"/>
        <source>Same file as image %1</source>
        <translation>Gleiche Datei wie Bild %1</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="36"/>
        <source>Same file as image %1 of %2</source>
        <translation>Gleiche Datei wie Bild %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="46"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="56"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="56"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="56"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="58"/>
        <source>Files not imported</source>
        <translation>Nicht importierte Dateien</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="69"/>
        <source>&amp;Show image</source>
        <translation>Bild &amp;anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="105"/>
        <source>%1 imported, %2 already in the catalog, %3 failed, %4 skipped.</source>
        <translation>%1 importiert, %2 bereits im Katalog, %3 fehlgeschlagen, %4 übersprungen.</translation>
    </message>
</context>
<context>
    <name>ImportStatus</name>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="18"/>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="19"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="20"/>
        <source>Cancel the import: files in progress finish, the rest are skipped</source>
        <translation>Import abbrechen: Begonnene Dateien werden fertig verarbeitet, die übrigen übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="21"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="35"/>
        <source>Importing %1 of %2</source>
        <translation>%1 von %2 wird importiert</translation>
    </message>
</context>
<context>
    <name>LinkCommand</name>
    <message numerus="yes">
        <location filename="../ui/commands/linkcommand.cpp" line="6"/>
        <source>Link %n image(s)</source>
        <translation>
            <numerusform>%n Bild verknüpfen</numerusform>
            <numerusform>%n Bilder verknüpfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="43"/>
        <source>Vitrine</source>
        <translation>Vitrine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Search captions, tags, products…</source>
        <translation>Bildunterschriften, Schlagwörter, Produkte durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="86"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <source>Gallery order</source>
        <translation>Galeriereihenfolge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="94"/>
        <source>Date taken</source>
        <translation>Aufnahmedatum</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>Date imported</source>
        <translation>Importdatum</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="102"/>
        <location filename="../ui/mainwindow.cpp" line="103"/>
        <source>Thumbnail size</source>
        <translation>Miniaturbildgröße</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="111"/>
        <source>S&amp;ort:</source>
        <translation>&amp;Sortierung:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>Last sync: never</source>
        <translation>Letzte Synchronisierung: nie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139"/>
        <source>Network: unknown</source>
        <translation>Netzwerk: unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="141"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="142"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="227"/>
        <location filename="../ui/mainwindow.cpp" line="232"/>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="254"/>
        <source>%1 — Vitrine</source>
        <translation>%1 — Vitrine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="292"/>
        <source>Open or create a workspace before importing.</source>
        <translation>Öffnen oder erstellen Sie vor dem Importieren einen Arbeitsbereich.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="374"/>
        <source>Import running</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="375"/>
        <source>An import is still running. Stop it and quit? Files already imported are kept.</source>
        <translation>Ein Import läuft noch. Import abbrechen und beenden? Bereits importierte Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="61"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="68"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="69"/>
        <source>&amp;Import Images…</source>
        <translation>Bilder &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="69"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="72"/>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="72"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="73"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="74"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="82"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="83"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="86"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="90"/>
        <source>&amp;Paste Images</source>
        <translation>Bilder &amp;einfügen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="91"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="92"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="97"/>
        <source>I&amp;mage</source>
        <translation>B&amp;ild</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="98"/>
        <source>Set as &amp;Primary</source>
        <translation>Als &amp;Hauptbild festlegen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="98"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="100"/>
        <source>&amp;Unpin Primary</source>
        <translation>Hauptbild-Festlegung &amp;aufheben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="101"/>
        <source>Rotate &amp;Left</source>
        <translation>Nach &amp;links drehen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="101"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="103"/>
        <source>Rotate &amp;Right</source>
        <translation>Nach &amp;rechts drehen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="103"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="105"/>
        <source>&amp;View</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="105"/>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="106"/>
        <source>Move to &amp;Trash</source>
        <translation>In den &amp;Papierkorb verschieben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="107"/>
        <source>R&amp;estore from Trash</source>
        <translation>Aus dem Papierkorb &amp;wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="108"/>
        <source>&amp;Empty Trash…</source>
        <translation>Papierkorb l&amp;eeren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="115"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="168"/>
        <source>Import Images</source>
        <translation>Bilder importieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="174"/>
        <source>Import a Folder (with its subfolders)</source>
        <translation>Ordner importieren (mit Unterordnern)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="196"/>
        <source>The clipboard holds no image and no image files.</source>
        <translation>Die Zwischenablage enthält weder ein Bild noch Bilddateien.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="208"/>
        <source>The pasted image could not be saved for import.</source>
        <translation>Das eingefügte Bild konnte nicht für den Import gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="218"/>
        <source>Open an entity&apos;s gallery and select one image to make it the primary image.</source>
        <translation>Öffnen Sie die Galerie eines Eintrags und wählen Sie ein Bild aus, um es zum Hauptbild zu machen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow_actions.cpp" line="238"/>
        <source>%n image(s) moved to the trash. Undo brings them back.</source>
        <translation>
            <numerusform>%n Bild in den Papierkorb verschoben. Mit „Rückgängig“ holen Sie es zurück.</numerusform>
            <numerusform>%n Bilder in den Papierkorb verschoben. Mit „Rückgängig“ holen Sie sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="252"/>
        <source>Empty Trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="253"/>
        <source>Forget every image in the trash? This cannot be undone; the files are removed by the next cleanup.</source>
        <translation>Alle Bilder im Papierkorb endgültig entfernen? Dies kann nicht rückgängig gemacht werden; die Dateien werden bei der nächsten Bereinigung gelöscht.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow_actions.cpp" line="260"/>
        <source>%n image(s) removed from the trash.</source>
        <translation>
            <numerusform>%n Bild aus dem Papierkorb entfernt.</numerusform>
            <numerusform>%n Bilder aus dem Papierkorb entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="261"/>
        <source>Emptying the trash failed: %1</source>
        <translation>Leeren des Papierkorbs fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="289"/>
        <location filename="../ui/mainwindow_actions.cpp" line="295"/>
        <location filename="../ui/mainwindow_workspace.cpp" line="47"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="289"/>
        <source>Name of the new workspace:</source>
        <translation>Name des neuen Arbeitsbereichs:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_workspace.cpp" line="63"/>
        <source>Creating the demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird erstellt…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_workspace.cpp" line="73"/>
        <source>Demo Workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>PrimaryCommand</name>
    <message>
        <location filename="../ui/commands/primarycommand.cpp" line="24"/>
        <source>Set as primary</source>
        <translation>Als Hauptbild festlegen</translation>
    </message>
    <message>
        <location filename="../ui/commands/primarycommand.cpp" line="24"/>
        <source>Unpin primary image</source>
        <translation>Festlegung des Hauptbilds aufheben</translation>
    </message>
</context>
<context>
    <name>PrimaryReason</name>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="9"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="11"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="13"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="15"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="17"/>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="19"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="27"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="28"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="35"/>
        <source>Not the primary image of %1.</source>
        <translation>Nicht das Hauptbild von %1.</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="38"/>
        <source>Primary image of %1: pinned on %2.</source>
        <translation>Hauptbild von %1: festgelegt am %2.</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="39"/>
        <source>Primary image of %1: pinned by %2 on %3.</source>
        <translation>Hauptbild von %1: festgelegt von %2 am %3.</translation>
    </message>
    <message>
        <location filename="../ui/details/primaryreason.cpp" line="41"/>
        <source>Primary image of %1: first in the gallery&apos;s order (automatic; pin another image to change it).</source>
        <translation>Hauptbild von %1: erstes Bild in der Galeriereihenfolge (automatisch; legen Sie ein anderes Bild fest, um dies zu ändern).</translation>
    </message>
</context>
<context>
    <name>ReorderCommand</name>
    <message>
        <location filename="../ui/commands/reordercommand.cpp" line="6"/>
        <source>Reorder images</source>
        <translation>Bilder neu anordnen</translation>
    </message>
</context>
<context>
    <name>RotateCommand</name>
    <message>
        <location filename="../ui/commands/rotatecommand.cpp" line="11"/>
        <source>Rotate right</source>
        <translation>Nach rechts drehen</translation>
    </message>
    <message>
        <location filename="../ui/commands/rotatecommand.cpp" line="11"/>
        <source>Rotate left</source>
        <translation>Nach links drehen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="47"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="57"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="82"/>
        <source>Storage</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="86"/>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="87"/>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="90"/>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="92"/>
        <source>Choose the data folder</source>
        <translation>Datenordner auswählen</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="97"/>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datenordner:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="99"/>
        <source>Holds every workspace. Leave it empty for the default. A new folder is used from the next start; workspaces are not moved.</source>
        <translation>Enthält alle Arbeitsbereiche. Leer lassen, um den Standardordner zu verwenden. Ein neuer Ordner wird ab dem nächsten Start verwendet; Arbeitsbereiche werden nicht verschoben.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="106"/>
        <source>Image sizes for new imports</source>
        <translation>Bildgrößen für neue Importe</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="109"/>
        <source>&amp;Small thumbnail:</source>
        <translation>&amp;Kleines Miniaturbild:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="111"/>
        <source>M&amp;edium thumbnail:</source>
        <translation>&amp;Mittleres Miniaturbild:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="113"/>
        <source>&amp;Large thumbnail:</source>
        <translation>&amp;Großes Miniaturbild:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="117"/>
        <source>Web image size</source>
        <translation>Webbildgröße</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="119"/>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="120"/>
        <source>&amp;Web image:</source>
        <translation>&amp;Webbild:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="121"/>
        <source>The longest side in pixels. Images already imported keep their sizes.</source>
        <translation>Die längste Seite in Pixeln. Bereits importierte Bilder behalten ihre Größe.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="132"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="140"/>
        <source>Memory and language</source>
        <translation>Speicher und Sprache</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="147"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="148"/>
        <source>Thumbnail memory</source>
        <translation>Speicher für Miniaturbilder</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="149"/>
        <source>How much memory the gallery may keep thumbnails in.</source>
        <translation>Wie viel Arbeitsspeicher die Galerie für Miniaturbilder verwenden darf.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="150"/>
        <source>Thumbnail &amp;memory:</source>
        <translation>S&amp;peicher für Miniaturbilder:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="153"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="156"/>
        <source>La&amp;nguage:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="157"/>
        <source>A new language is used from the next start.</source>
        <translation>Eine neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="203"/>
        <source>“%1” is a file, not a folder. Choose a folder for the data.</source>
        <translation>„%1“ ist eine Datei, kein Ordner. Wählen Sie einen Ordner für die Daten.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="207"/>
        <source>The folder “%1” cannot be created: “%2” is a file.</source>
        <translation>Der Ordner „%1“ kann nicht erstellt werden: „%2“ ist eine Datei.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="208"/>
        <source>The folder “%1” cannot be created in “%2”.</source>
        <translation>Der Ordner „%1“ kann in „%2“ nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="212"/>
        <source>The folder “%1” is not writable.</source>
        <translation>Der Ordner „%1“ ist nicht beschreibbar.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="219"/>
        <source>Choose the Data Folder</source>
        <translation>Datenordner auswählen</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="28"/>
        <source>All images</source>
        <translation>Alle Bilder</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="29"/>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="30"/>
        <source>Recently imported</source>
        <translation>Zuletzt importiert</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="31"/>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="38"/>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="40"/>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="42"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="44"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="46"/>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="48"/>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="75"/>
        <location filename="../ui/sidebar/sidebar.cpp" line="98"/>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="76"/>
        <source>Entity kinds</source>
        <translation>Eintragsarten</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="79"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="80"/>
        <source>Filter by key or name</source>
        <translation>Nach Kennung oder Name filtern</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="81"/>
        <source>Entity filter</source>
        <translation>Eintragsfilter</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="84"/>
        <location filename="../ui/sidebar/sidebar.cpp" line="100"/>
        <source>Entities</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="94"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="161"/>
        <location filename="../ui/sidebar/sidebar.cpp" line="164"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>TagEdit</name>
    <message>
        <location filename="../ui/details/tagedit.cpp" line="14"/>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
</context>
<context>
    <name>TagsCommand</name>
    <message>
        <location filename="../ui/commands/tagscommand.cpp" line="6"/>
        <source>Edit tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/commands/tagscommand.cpp" line="17"/>
        <source>image %1 no longer exists</source>
        <translation>Bild %1 existiert nicht mehr</translation>
    </message>
</context>
<context>
    <name>TrashCommand</name>
    <message numerus="yes">
        <location filename="../ui/commands/trashcommand.cpp" line="7"/>
        <source>Move %n image(s) to the trash</source>
        <translation>
            <numerusform>%n Bild in den Papierkorb verschieben</numerusform>
            <numerusform>%n Bilder in den Papierkorb verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/commands/trashcommand.cpp" line="8"/>
        <source>Restore %n image(s)</source>
        <translation>
            <numerusform>%n Bild wiederherstellen</numerusform>
            <numerusform>%n Bilder wiederherstellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlinkCommand</name>
    <message>
        <location filename="../ui/commands/unlinkcommand.cpp" line="6"/>
        <source>Remove link</source>
        <translation>Verknüpfung entfernen</translation>
    </message>
</context>
<context>
    <name>ViewerCanvas</name>
    <message>
        <location filename="../ui/viewer/viewercanvas.cpp" line="25"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>ViewerImageReader</name>
    <message>
        <location filename="../ui/viewer/viewerimagereader.cpp" line="32"/>
        <source>%1 has no renditions</source>
        <translation>%1 hat keine Bildvarianten</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerimagereader.cpp" line="60"/>
        <source>Cannot show %1: the file is missing</source>
        <translation>%1 kann nicht angezeigt werden: Die Datei fehlt</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerimagereader.cpp" line="69"/>
        <source>Cannot show %1: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
</context>
<context>
    <name>ViewerInfoBar</name>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="24"/>
        <source>Caption</source>
        <translation>Bildunterschrift</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="25"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="26"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="36"/>
        <source>1600 % (fit)</source>
        <translation>1600 % (eingepasst)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="55"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="62"/>
        <source>%1 % (fit)</source>
        <translation>%1 % (eingepasst)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="62"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="39"/>
        <source>Offline-first image manager</source>
        <translation>Offline-fähige Bildverwaltung</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="43"/>
        <source>Folder holding the workspaces.</source>
        <translation>Ordner mit den Arbeitsbereichen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="46"/>
        <source>Workspace to open.</source>
        <translation>Zu öffnender Arbeitsbereich.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="48"/>
        <source>Create (if needed) and open the demo workspace.</source>
        <translation>Demo-Arbeitsbereich (falls nötig) erstellen und öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="51"/>
        <source>Save a picture of the window to FILE once the gallery is painted, then quit.</source>
        <translation>Ein Bild des Fensters in FILE speichern, sobald die Galerie gezeichnet ist, dann beenden.</translation>
    </message>
</context>
</TS>
