"""What survey comments say, by theme: a core sentence (positive or negative), an optional
detail, opening and closing phrases, and the joints that add a second theme ("That said, ...").
Themes are the keys of surveys.THEMES."""

from __future__ import annotations

# (positive, negative) core sentences per theme.
CORE: dict[str, tuple[list[str], list[str]]] = {
    "taste": (
        [
            "The {bread} is honestly the best in Bristol.",
            "Everything tasted so fresh, the {bakes} were still warm when we got home.",
            "Consistently lovely bakes, you can tell it's all made on site.",
            "The {bakes} were perfect, crisp outside and soft in the middle.",
            "Great coffee and the pastries are always spot on.",
            "According to {kid}, your {bakes} are the best thing about Saturdays.",
            "Really good quality, nothing like supermarket bread.",
            "Tried the {bread} for the first time and now I'm hooked.",
            "Lovely flavours, not too sweet.",
            "The bread keeps for days and still tastes great.",
            "The {bread} was gorgeous, we finished it in one sitting.",
            "Best coffee on the street and the {bakes} are always fresh.",
            "You can taste the quality in everything.",
        ],
        [
            "The {bakes} were a bit stale this time, not up to your usual standard.",
            "Bread was underbaked in the middle.",
            "The croissants were flat and greasy, really disappointing.",
            "Sandwich filling was pretty mean for the price.",
            "The {bakes} tasted like yesterday's.",
            "Something has changed with the recipe, the {bakes} aren't as good as they were.",
            "Coffee was lukewarm and bitter.",
            "Quality has slipped a bit lately.",
        ],
    ),
    "pickup_wait": (
        [
            "Pickup was quick, in and out in two minutes.",
            "Love that I can order on the way home from school and grab it at the door.",
            "Collection was smooth, order bagged and labelled with my name.",
            "The pickup shelf is a great idea, no queueing.",
            "Order was ready on time even on a busy Saturday.",
        ],
        [
            "Had a {slot} pickup slot and still waited {wait} minutes at the counter.",
            "Collection was chaotic, nobody knew where my order was.",
            "My order wasn't ready when the text said it was.",
            "Waited ages to collect with two tired kids in tow, not ideal.",
            "Please have a separate queue for click and collect, standing behind the coffee queue for {wait} minutes defeats the point.",
            "Pickup at {slot} was a scrum, {wait} minutes to get my bag.",
            "Had to wait while they finished packing my order even though I'd paid hours before.",
        ],
    ),
    "queue": (
        [
            "The queue moves fast even at lunchtime.",
            "Never wait more than a couple of minutes, even at the morning rush.",
            "In and out in no time, even with the school-run crowd.",
            "Quick service, my coffee is usually ready before I've paid.",
        ],
        [
            "The lunchtime queue is out the door now, I can't fit it into my break any more.",
            "Waited {wait} minutes for a flat white this morning.",
            "Queues have got much longer since the new menu.",
            "Only one person on the till at 8am, the queue was huge.",
            "Took {wait} minutes to get served at lunchtime.",
        ],
    ),
    "late_delivery": (
        [
            "Delivery arrived exactly when promised.",
            "Courier was early and really careful with the box.",
            "Sent a box to {person} and it arrived next morning, they were thrilled.",
            "Delivery was on time and the driver was lovely.",
            "Arrived the next day as promised, great service.",
        ],
        [
            "My order arrived {days} days late and the {bakes} were no longer fresh.",
            "Delivery was supposed to be {weekday} and it turned up on {weekday2}.",
            "Still waiting for my delivery, no update at all.",
            "The gift was meant for a birthday and it came after the day, really embarrassing.",
            "Tracking said out for delivery for three days.",
            "The box for {person} turned up {days} days late.",
            "Nobody told us the delivery would be late, had to chase it myself.",
            "Late delivery again, the cake had to go straight in the bin.",
        ],
    ),
    "payment": (
        [
            "Checkout was quick and easy, Apple Pay worked first time.",
            "Paying online was painless.",
            "Smooth checkout, got the confirmation straight away.",
        ],
        [
            "Payment kept failing at checkout, tried three different cards.",
            "The site took my details then said payment declined, my bank says nothing was blocked.",
            "Checkout just spun and then logged me out, gave up in the end.",
            "Got charged but no order confirmation came through.",
            "Couldn't pay with Apple Pay, error every time.",
            "Payment page kept timing out so I never managed to order.",
            "Tried to pay four times and it failed every time.",
            "The card payment step is broken, I got an error after entering the code from my bank.",
        ],
    ),
    "prices": (
        [
            "Good value for the quality.",
            "The loyalty card makes it good value.",
            "Not cheap, but you get what you pay for.",
            "Fair prices for proper handmade bread.",
        ],
        [
            "Prices have crept up a lot this year, {price} pounds for a coffee is steep.",
            "Love the place but it's getting too expensive for an everyday coffee.",
            "Delivery fee is a lot on top of the order.",
            "Portion sizes have shrunk while prices went up.",
            "It's become a treat rather than a daily thing because of the prices.",
            "Another price rise, I've started making my own lunch.",
            "Bit pricey for what you get.",
        ],
    ),
    "staff": (
        [
            "Staff are always friendly and remember my order.",
            "{staff} at the counter is a star, always has a chat.",
            "The team were so kind when {kid} dropped a bun, they replaced it for free.",
            "Lovely friendly staff, makes my morning.",
            "{staff} went out of their way to help me choose.",
            "Always a warm welcome.",
        ],
        [
            "Staff seemed stressed and a bit short with me.",
            "Nobody acknowledged me for a good five minutes.",
            "New staff don't seem to know the regulars any more.",
            "The person on the till was quite rude when I asked about my order.",
            "Felt rushed at the counter.",
            "Got the wrong order and nobody seemed bothered.",
        ],
    ),
    "website": (
        [
            "Ordering online is really easy.",
            "The website is much quicker than it used to be.",
            "Easy to pick a collection slot on the app.",
            "Love being able to reorder my usual in two taps.",
        ],
        [
            "The website is hard to use on my phone, kept losing my basket.",
            "Couldn't find allergen info on the product pages.",
            "Choosing a pickup slot is fiddly, the calendar doesn't work on my phone.",
            "Had to re-enter my address every time.",
            "The site is slow and the photos take ages to load.",
            "Couldn't change my order once it was placed.",
        ],
    ),
    "custom_cakes": (
        [
            "The {cake} for my daughter's {party} was stunning, everyone asked where it was from.",
            "Catering for our {event} went down a storm, platters were generous and beautifully presented.",
            "The tasting session really helped us decide.",
            "{staff} was brilliant at turning my vague idea into the cake we wanted.",
            "Fed {guests} people at our {event} and there was plenty to go round.",
            "The {cake} looked exactly like the sketch, thank you.",
            "Catering quote was very reasonable compared to others we asked.",
        ],
        [
            "Took {days} days to get a quote back, we nearly went elsewhere.",
            "The cake didn't match the design we agreed, the colours were off.",
            "Had to chase twice about the catering order for {guests} guests.",
            "Quote changed after we'd confirmed, which wasn't great.",
            "The platters were smaller than we expected for {guests} people.",
            "Nobody called back about the {party} cake, I had to phone three times.",
        ],
    ),
    "dietary": (
        [
            "So happy to find proper gluten-free bakes that don't taste like cardboard.",
            "Great vegan options, the vegan brownie is incredible.",
            "Staff knew exactly what was in everything, really reassuring with {child}'s nut allergy.",
            "Lovely to have dairy-free options for {kid}.",
        ],
        [
            "Gluten-free options sold out by 10am again.",
            "Would love more vegan choices for the kids.",
            "Not clear which items contain nuts, had to ask twice.",
            "The gluten-free loaf was crumbly and dry.",
            "Only one vegan option on the whole menu.",
        ],
    ),
    "packaging": (
        [
            "Gorgeous packaging, perfect for a gift.",
            "Love that the boxes are plastic-free.",
            "Beautifully wrapped, {person} loved the box.",
            "Cake arrived in perfect condition, really sturdy box.",
        ],
        [
            "Box arrived squashed and the cake was damaged.",
            "Too much packaging for a couple of buns.",
            "The cake box was crushed on one side.",
            "The brownies had broken into crumbs in the post.",
            "Tin was dented when it arrived.",
        ],
    ),
}
DETAIL: dict[str, tuple[list[str], list[str]]] = {
    "taste": (
        ["We'll be back for more.", "Best {bakes} I've had in ages.", "Worth every penny."],
        [
            "Not what I expect from you.",
            "Had to throw half of it away.",
            "Shame, as it's usually great.",
        ],
    ),
    "pickup_wait": (
        ["Really handy on a school day.", "So much easier than queueing."],
        [
            "It happens most Fridays.",
            "The whole point of ordering ahead is not to wait.",
            "There was only one person serving.",
        ],
    ),
    "queue": (
        ["Great for a quick lunch.", "Makes the morning easy."],
        ["I've started going elsewhere at lunch.", "It's every day now, not just Fridays."],
    ),
    "late_delivery": (
        ["Will definitely use the delivery again.", "Tracking was spot on."],
        [
            "No email, no call, nothing.",
            "I've asked for a refund of the delivery fee.",
            "It was a present so it really mattered.",
        ],
    ),
    "payment": (
        ["Much better than last time."],
        [
            "I ended up driving over to buy in person.",
            "Not sure if I've been charged twice.",
            "I gave up and ordered somewhere else.",
        ],
    ),
    "prices": (
        ["Worth it for a treat."],
        ["Other places nearby are cheaper.", "I used to come every day, now it's once a week."],
    ),
    "staff": (["Made my day.", "Real credit to the shop."], ["Not the welcome I'm used to."]),
    "website": (
        ["Simple and quick."],
        ["Please fix the mobile site.", "Took me three goes to order."],
    ),
    "custom_cakes": (
        ["Will be ordering for the next party too.", "Guests are still talking about it."],
        ["Communication needs to improve.", "For that money I expected better."],
    ),
    "dietary": (
        ["Nice to be able to eat everything in the cabinet."],
        ["Please label allergens properly."],
    ),
    "packaging": (["Looked really professional."], ["Needs more padding inside."]),
}
OPEN = (
    [
        "Just wanted to say thanks.",
        "Been coming for years.",
        "Second time ordering.",
        "Quick feedback:",
        "Honestly,",
        "Really impressed.",
        "Lovely experience overall.",
    ],
    [
        "Not a great experience this time.",
        "First time ordering and",
        "Sorry to say it but",
        "Usually love this place, but",
        "Quick feedback:",
        "Disappointed.",
    ],
)
CLOSE = (
    [
        "Keep it up!",
        "Will definitely be back.",
        "Thank you!",
        "Highly recommend.",
        "x",
        "10/10.",
        "See you next week.",
    ],
    [
        "Please sort this out.",
        "Not sure I'll order again.",
        "Really disappointed.",
        "Hope you can fix this.",
        "Expected better.",
        "Please look into it.",
    ],
)
BUT = (
    ["On the plus side,", "That said,", "But", "Still,", "To be fair,"],
    ["Only downside:", "One thing though,", "Shame that", "But", "However,"],
)
