#pragma once

// How many images each smart collection holds, for the sidebar.
struct CollectionCounts final
{
    int allImages = 0;
    int unassigned = 0;
    int recentlyImported = 0;
    int trash = 0;
};
