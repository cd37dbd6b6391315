<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandFeedback</name>
    <message>
        <location filename="../ui/commands/commandfeedback.cpp" line="8"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditImageCommand</name>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="27"/>
        <source>Edit caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="29"/>
        <source>Edit alt text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="31"/>
        <source>Edit description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="33"/>
        <source>Change image type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="34"/>
        <source>Change front flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/editimagecommand.cpp" line="51"/>
        <source>image %1 no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityListModel</name>
    <message>
        <location filename="../ui/sidebar/entitylistmodel.cpp" line="97"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/entitylistmodel.cpp" line="98"/>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sidebar/entitylistmodel.cpp" line="100"/>
        <source>%1 %2: %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GalleryDelegate</name>
    <message>
        <location filename="../ui/gallery/gallerydelegate.cpp" line="150"/>
        <source>Front</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <location filename="../ui/gallery/gallerymodel.cpp" line="289"/>
        <source>%1 (primary image)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../ui/gallery/galleryview.cpp" line="34"/>
        <source>Gallery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../ui/viewer/imageviewer.cpp" line="31"/>
        <location filename="../ui/viewer/imageviewer.cpp" line="32"/>
        <location filename="../ui/viewer/imageviewer.cpp" line="175"/>
        <source>Image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/imageviewer.cpp" line="94"/>
        <source>This image is no longer in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/imageviewer.cpp" line="175"/>
        <source>%1 – Image viewer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="19"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="21"/>
        <source>Already in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="23"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="25"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="35"/>
        <source>Same file as image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="36"/>
        <source>Same file as image %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="46"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="56"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="56"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="56"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="58"/>
        <source>Files not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="69"/>
        <source>&amp;Show image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importreportdialog.cpp" line="105"/>
        <source>%1 imported, %2 already in the catalog, %3 failed, %4 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportStatus</name>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="18"/>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="19"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="20"/>
        <source>Cancel the import: files in progress finish, the rest are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="21"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importing/importstatus.cpp" line="35"/>
        <source>Importing %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkCommand</name>
    <message numerus="yes">
        <location filename="../ui/commands/linkcommand.cpp" line="6"/>
        <source>Link %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="38"/>
        <source>Vitrine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="74"/>
        <source>Search captions, tags, products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="75"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="81"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="82"/>
        <source>Gallery order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="83"/>
        <source>Date taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="84"/>
        <source>Date imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="91"/>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>Thumbnail size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <source>S&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>Last sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="128"/>
        <source>Network: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="130"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="131"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="194"/>
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="221"/>
        <source>%1 — Vitrine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="259"/>
        <source>Open or create a workspace before importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="341"/>
        <source>Import running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="342"/>
        <source>An import is still running. Stop it and quit? Files already imported are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="60"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="67"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="68"/>
        <source>&amp;Import Images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="68"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="71"/>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="71"/>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="72"/>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="73"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="74"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="81"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="82"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="85"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="89"/>
        <source>&amp;Paste Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="90"/>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="91"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="96"/>
        <source>I&amp;mage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="97"/>
        <source>Set as &amp;Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="97"/>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="99"/>
        <source>&amp;Unpin Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="100"/>
        <source>Rotate &amp;Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="100"/>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="102"/>
        <source>Rotate &amp;Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="102"/>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="104"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="104"/>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="105"/>
        <source>Move to &amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="106"/>
        <source>R&amp;estore from Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="107"/>
        <source>&amp;Empty Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="114"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="167"/>
        <source>Import Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="173"/>
        <source>Import a Folder (with its subfolders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="195"/>
        <source>The clipboard holds no image and no image files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="207"/>
        <source>The pasted image could not be saved for import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="217"/>
        <source>Open an entity&apos;s gallery and select one image to make it the primary image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow_actions.cpp" line="236"/>
        <source>%n image(s) moved to the trash. Undo brings them back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="250"/>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="251"/>
        <source>Forget every image in the trash? This cannot be undone; the files are removed by the next cleanup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow_actions.cpp" line="258"/>
        <source>%n image(s) removed from the trash.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="259"/>
        <source>Emptying the trash failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="285"/>
        <location filename="../ui/mainwindow_actions.cpp" line="291"/>
        <location filename="../ui/mainwindow_workspace.cpp" line="46"/>
        <source>New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="285"/>
        <source>Name of the new workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_workspace.cpp" line="62"/>
        <source>Creating the demo workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_workspace.cpp" line="72"/>
        <source>Demo Workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrimaryCommand</name>
    <message>
        <location filename="../ui/commands/primarycommand.cpp" line="24"/>
        <source>Set as primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/primarycommand.cpp" line="24"/>
        <source>Unpin primary image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReorderCommand</name>
    <message>
        <location filename="../ui/commands/reordercommand.cpp" line="6"/>
        <source>Reorder images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RotateCommand</name>
    <message>
        <location filename="../ui/commands/rotatecommand.cpp" line="11"/>
        <source>Rotate right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/rotatecommand.cpp" line="11"/>
        <source>Rotate left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="28"/>
        <source>All images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="29"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="30"/>
        <source>Recently imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="31"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="38"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="40"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="42"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="44"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="46"/>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="48"/>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="75"/>
        <location filename="../ui/sidebar/sidebar.cpp" line="98"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="76"/>
        <source>Entity kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="79"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="80"/>
        <source>Filter by key or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="81"/>
        <source>Entity filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="84"/>
        <location filename="../ui/sidebar/sidebar.cpp" line="100"/>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="94"/>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sidebar/sidebar.cpp" line="161"/>
        <location filename="../ui/sidebar/sidebar.cpp" line="164"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagsCommand</name>
    <message>
        <location filename="../ui/commands/tagscommand.cpp" line="6"/>
        <source>Edit tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/commands/tagscommand.cpp" line="17"/>
        <source>image %1 no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashCommand</name>
    <message numerus="yes">
        <location filename="../ui/commands/trashcommand.cpp" line="7"/>
        <source>Move %n image(s) to the trash</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/commands/trashcommand.cpp" line="8"/>
        <source>Restore %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlinkCommand</name>
    <message>
        <location filename="../ui/commands/unlinkcommand.cpp" line="6"/>
        <source>Remove link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewerCanvas</name>
    <message>
        <location filename="../ui/viewer/viewercanvas.cpp" line="25"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewerImageReader</name>
    <message>
        <location filename="../ui/viewer/viewerimagereader.cpp" line="32"/>
        <source>%1 has no renditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerimagereader.cpp" line="60"/>
        <source>Cannot show %1: the file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerimagereader.cpp" line="69"/>
        <source>Cannot show %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewerInfoBar</name>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="24"/>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="25"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="26"/>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="36"/>
        <source>1600 % (fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="55"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="62"/>
        <source>%1 % (fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewerinfobar.cpp" line="62"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="37"/>
        <source>Offline-first image manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="41"/>
        <source>Folder holding the workspaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="44"/>
        <source>Workspace to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="46"/>
        <source>Create (if needed) and open the demo workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="49"/>
        <source>Save a picture of the window to FILE once the gallery is painted, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
